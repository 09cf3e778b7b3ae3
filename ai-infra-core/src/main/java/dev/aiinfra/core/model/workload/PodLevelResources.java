package dev.aiinfra.core.model.workload;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Objects;

/**
 * Pod-level {@code spec.resources} (KEP-2837, feature gate {@code PodLevelResources}: alpha in 1.32,
 * beta and on by default since 1.34): a budget the pod's containers share. Only CPU, memory and
 * {@code hugepages-*} may be set ({@code IsSupportedPodLevelResource}); a request defaults to the
 * limit like a container's. Where set, the pod-level value replaces the containers' sum in the
 * scheduler's pod request, in the QoS class and in the pod cgroup.
 */
public record PodLevelResources(ResourceList requests, ResourceList limits) {
  /** The resources the API accepts at pod level (and any {@code hugepages-<size>}). */
  public static final List<String> SUPPORTED = List.of("cpu", "hugepages-", "memory");

  private static final String HUGEPAGES = "hugepages-";

  public PodLevelResources {
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(limits, "limits");
  }

  public static PodLevelResources of(ResourceList requests, ResourceList limits) {
    return new PodLevelResources(requests, limits);
  }

  public static boolean supported(String resource) {
    return resource.equals(ResourceList.CPU) || resource.equals(ResourceList.MEMORY) || resource.startsWith(HUGEPAGES);
  }

  /**
   * The values as API defaulting stores them ({@code defaultHugePagePodLimits},
   * {@code defaultPodRequests}), given the containers (whose own requests default to their limits
   * first): a missing hugepage limit becomes the containers' aggregate limit (unless a request is
   * set); when any limit is set, a missing CPU or memory request becomes the containers' aggregate
   * request, or else the limit.
   */
  public PodLevelResources defaulted(List<ContainerSpec> initContainers, List<ContainerSpec> containers) {
    ResourceList lim = limits;
    if (!limits.isEmpty() || !requests.isEmpty()) {
      for (var e : ContainerAggregate.limits(initContainers, containers).asMap().entrySet()) {
        if (e.getKey().startsWith(HUGEPAGES) && !requests.has(e.getKey()) && !lim.has(e.getKey())) {
          lim = lim.with(e.getKey(), e.getValue());
        }
      }
    }
    ResourceList req = requests;
    if (!lim.isEmpty()) {
      for (var e : ContainerAggregate.requests(initContainers, containers).asMap().entrySet()) {
        if (!req.has(e.getKey()) && supported(e.getKey()) && !e.getKey().startsWith(HUGEPAGES)) {
          req = req.with(e.getKey(), e.getValue());
        }
      }
      for (var e : lim.asMap().entrySet()) {
        if (!req.has(e.getKey()) && supported(e.getKey())) {
          req = req.with(e.getKey(), e.getValue());
        }
      }
    }
    return new PodLevelResources(req, lim);
  }

  /**
   * The API server's rules ({@code validatePodResources}, {@code validatePodResourceConsistency}),
   * on the values defaulting stored ({@link #defaulted}): supported names only; a request no higher
   * than its limit (equal for hugepages); hugepages only with CPU or memory; every pod-level
   * request at least the containers' aggregate request; every container's limit at most the
   * pod-level limit; hugepage limits at least the containers' aggregate limit. Field paths and
   * messages are the API server's.
   */
  public void check(List<ContainerSpec> initContainers, List<ContainerSpec> containers, FieldPath at, Violations v) {
    check(initContainers, containers, true, at, v);
  }

  /**
   * As above; {@code pod} says whether the containers' requests were defaulted from their limits
   * (a Pod) or are as written (a pod template, validated before any defaulting).
   */
  public void check(List<ContainerSpec> initContainers, List<ContainerSpec> containers, boolean pod, FieldPath at, Violations v) {
    names(requests, at.child("requests"), v);
    names(limits, at.child("limits"), v);
    for (var e : requests.asMap().entrySet()) {
      Quantity limit = limits.has(e.getKey()) ? limits.get(e.getKey()) : null;
      if (limit == null) {
        if (e.getKey().startsWith(HUGEPAGES)) {
          v.required(at.child("limits"), "Limit must be set for non overcommitable resources");
        }
      } else if (e.getKey().startsWith(HUGEPAGES) && e.getValue().compareTo(limit) != 0) {
        v.invalid(at.child("requests"), e.getValue(), "must be equal to " + e.getKey() + " limit of " + limit);
      } else if (e.getValue().compareTo(limit) > 0) {
        v.invalid(at.child("requests"), e.getValue(), "must be less than or equal to " + e.getKey() + " limit of " + limit);
      }
    }
    boolean cpuOrMemory = requests.has(ResourceList.CPU) || requests.has(ResourceList.MEMORY)
        || limits.has(ResourceList.CPU) || limits.has(ResourceList.MEMORY);
    boolean hugepages = requests.names().stream().anyMatch(n -> n.startsWith(HUGEPAGES)) || limits.names().stream().anyMatch(n -> n.startsWith(HUGEPAGES));
    if (hugepages && !cpuOrMemory) {
      v.forbidden(at, "HugePages require cpu or memory");
    }
    ResourceList aggregate = pod ? ContainerAggregate.requests(initContainers, containers) : ContainerAggregate.writtenRequests(initContainers, containers);
    for (var e : aggregate.asMap().entrySet()) {
      if (requests.has(e.getKey()) && e.getValue().compareTo(requests.get(e.getKey())) > 0) {
        v.invalid(at.child("requests").key(e.getKey()), requests.get(e.getKey()),
            "must be greater than or equal to aggregate container requests of " + e.getValue());
      }
    }
    for (var e : ContainerAggregate.limits(initContainers, containers).asMap().entrySet()) {
      if (e.getKey().startsWith(HUGEPAGES) && limits.has(e.getKey()) && e.getValue().compareTo(limits.get(e.getKey())) > 0) {
        v.invalid(at.child("limits").key(e.getKey()), limits.get(e.getKey()),
            "must be greater than or equal to aggregate container limits of " + e.getValue());
      }
    }
    // upstream checks regular containers only, at its own (odd) path: spec.resources.containers[i][name].limits
    for (int i = 0; i < containers.size(); i++) {
      for (var e : containers.get(i).limits().asMap().entrySet()) {
        if (limits.has(e.getKey()) && e.getValue().compareTo(limits.get(e.getKey())) > 0) {
          v.invalid(at.child("containers").index(i).key(e.getKey()).child("limits"), e.getValue(),
              "must be less than or equal to pod limits of " + limits.get(e.getKey()));
        }
      }
    }
  }

  private static void names(ResourceList list, FieldPath at, Violations v) {
    for (String name : list.names()) {
      if (!supported(name)) {
        v.notSupported(at.key(name), name, SUPPORTED);
      }
    }
  }
}
