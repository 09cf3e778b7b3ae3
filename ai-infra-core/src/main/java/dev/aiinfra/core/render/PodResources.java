package dev.aiinfra.core.render;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.QuantityField;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.core.model.workload.PodLevelResources;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;
import java.util.Map;

/**
 * A pod's effective resource requests as kube-scheduler computes them ({@code
 * resourcehelper.PodRequests}): the sum of regular containers plus restartable init containers
 * (sidecars, KEP-753), or the largest need during init (each init container plus the sidecars
 * started before it), whichever is larger, plus {@code spec.overhead}. A container with limits but
 * no requests is defaulted to its limits, as the API server does. Pod-level {@code spec.resources}
 * (KEP-2837, gate {@code PodLevelResources}, on by default since 1.34) replace the containers' sum
 * for each resource they request, after the API server's defaulting (a pod-level limit without a
 * request defaults the request to the containers' aggregate, else to the limit).
 *
 * <p>Quantities are read by {@link QuantityField}'s rule. Input the API server would refuse (a
 * {@code null} container, a malformed or negative quantity) and values kube-scheduler cannot count
 * as 64-bit integers, one by one or summed, are all reported at once as an {@link
 * dev.aiinfra.core.model.InvalidSpecException} with field paths relative to the pod spec ({@code
 * containers[0].resources.requests[memory]}).
 */
public final class PodResources {
  private static final String SCHEDULER = "kube-scheduler";

  private PodResources() {}

  public static ResourceList effectiveRequests(PodSpec spec) {
    return effectiveRequests(spec, true);
  }

  /** As above; {@code podLevelResources} is whether the PodLevelResources gate is on (off: pod-level values are ignored). */
  public static ResourceList effectiveRequests(PodSpec spec, boolean podLevelResources) {
    Violations v = new Violations();
    ResourceList sidecars = ResourceList.empty();
    ResourceList initPeak = ResourceList.empty();
    List<Container> init = spec.getInitContainers() == null ? List.of() : spec.getInitContainers();
    for (int i = 0; i < init.size(); i++) {
      Container c = init.get(i);
      ResourceList r = requests(c, FieldPath.of("initContainers").index(i), v);
      if (c != null && "Always".equals(c.getRestartPolicy())) {
        sidecars = sidecars.plus(r);
        initPeak = initPeak.max(sidecars);
      } else {
        initPeak = initPeak.max(sidecars.plus(r));
      }
    }
    ResourceList regular = sidecars;
    List<Container> containers = spec.getContainers() == null ? List.of() : spec.getContainers();
    for (int i = 0; i < containers.size(); i++) {
      regular = regular.plus(requests(containers.get(i), FieldPath.of("containers").index(i), v));
    }
    ResourceList total = regular.max(initPeak);
    if (podLevelResources && spec.getResources() != null) {
      total = podLevel(spec, total, v);
    }
    if (spec.getOverhead() != null) {
      ResourceList overhead = ResourceFields.read(spec.getOverhead(), FieldPath.of("overhead"), v);
      ResourceFields.countable(overhead, FieldPath.of("overhead"), SCHEDULER, v);
      total = total.plus(overhead);
    }
    if (v.isEmpty()) {
      sumCountable(total, v);
    }
    v.throwIfAny();
    return total;
  }

  /**
   * A container's requests, defaulted from limits where a request is missing; problems go to
   * {@code v} at {@code at} (a {@code null} container has no requests).
   */
  static ResourceList requests(Container c, FieldPath at, Violations v) {
    if (c == null) {
      v.required(at, "a container cannot be null (the API server reads it as an empty container, without the name and image it requires)");
      return ResourceList.empty();
    }
    FieldPath resources = at.child("resources");
    ResourceList req = c.getResources() == null ? ResourceList.empty()
        : ResourceFields.read(c.getResources().getRequests(), resources.child("requests"), v);
    ResourceList lim = c.getResources() == null ? ResourceList.empty()
        : ResourceFields.read(c.getResources().getLimits(), resources.child("limits"), v);
    ResourceList merged = req;
    for (Map.Entry<String, Quantity> e : lim.asMap().entrySet()) {
      if (!req.has(e.getKey())) {
        merged = merged.with(e.getKey(), e.getValue());
        QuantityField.countable(e.getKey(), e.getValue(), resources.child("limits").key(e.getKey()), SCHEDULER, v);
      }
    }
    ResourceFields.countable(req, resources.child("requests"), SCHEDULER, v);
    return merged;
  }

  /**
   * The pod-level requests as the API server defaults them, over the containers' aggregate:
   * {@code resourcehelper.PodRequests} puts each supported pod-level request in place of the sum.
   */
  private static ResourceList podLevel(PodSpec spec, ResourceList aggregate, Violations v) {
    FieldPath at = FieldPath.of("resources");
    ResourceList requests = ResourceFields.read(spec.getResources().getRequests(), at.child("requests"), v);
    ResourceList limits = ResourceFields.read(spec.getResources().getLimits(), at.child("limits"), v);
    ResourceList out = aggregate;
    // defaultPodRequests: only when pod-level limits are set does a missing request get a default
    if (!limits.isEmpty()) {
      for (var e : aggregate.asMap().entrySet()) {
        if (!requests.has(e.getKey()) && PodLevelResources.supported(e.getKey()) && !e.getKey().startsWith("hugepages-")) {
          requests = requests.with(e.getKey(), e.getValue());
        }
      }
      for (var e : limits.asMap().entrySet()) {
        if (!requests.has(e.getKey()) && PodLevelResources.supported(e.getKey())) {
          requests = requests.with(e.getKey(), e.getValue());
        }
      }
    }
    for (var e : requests.asMap().entrySet()) {
      if (PodLevelResources.supported(e.getKey())) {
        out = out.with(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** Each value fits, yet kube-scheduler adds them up as 64-bit integers too: the sum must fit as well. */
  private static void sumCountable(ResourceList total, Violations v) {
    for (Map.Entry<String, Quantity> e : total.asMap().entrySet()) {
      if (!QuantityField.fitsCount(e.getKey(), e.getValue())) {
        v.invalid(FieldPath.root(), e.getValue(), "the pod's " + e.getKey() + " requests add up to more than " + SCHEDULER
            + " can count as a 64-bit integer (at most " + QuantityField.maxCount(e.getKey()) + ")");
      }
    }
  }
}
