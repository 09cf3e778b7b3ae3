package dev.aiinfra.sandbox.policy.cgroup;

import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodLevelResources;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The pod's QoS class as the kubelet computes it from CPU and memory requests and limits. */
public enum QosClass {
  Guaranteed,
  Burstable,
  BestEffort;

  /**
   * BestEffort when no container requests or limits CPU or memory; Guaranteed when every container
   * has CPU and memory limits and its requests (defaulted to the limits) equal them; else Burstable.
   */
  /**
   * With pod-level resources (gate on and {@code spec.resources} present, even empty) only they
   * decide ({@code ComputePodQOS}): BestEffort without CPU or memory there; Guaranteed when the
   * pod-level limits name both and every pod-level request equals its limit; else Burstable.
   */
  public static QosClass of(CgroupPod pod, boolean podLevelResources) {
    if (!podLevelResources || pod.resources().isEmpty()) {
      return of(pod.all());
    }
    PodLevelResources r = pod.resources().get().defaulted(pod.initContainers(), pod.containers());
    Map<String, BigDecimal> requests = positive(r.requests());
    Map<String, BigDecimal> limits = positive(r.limits());
    if (requests.isEmpty() && limits.isEmpty()) {
      return BestEffort;
    }
    boolean guaranteed = r.limits().isEmpty() || (limits.containsKey(ResourceList.CPU) && limits.containsKey(ResourceList.MEMORY));
    for (var e : requests.entrySet()) {
      guaranteed &= limits.containsKey(e.getKey()) && limits.get(e.getKey()).compareTo(e.getValue()) == 0;
    }
    return guaranteed && requests.size() == limits.size() ? Guaranteed : Burstable;
  }

  private static Map<String, BigDecimal> positive(ResourceList list) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (String r : List.of(ResourceList.CPU, ResourceList.MEMORY)) {
      if (list.has(r) && list.get(r).signum() > 0) {
        out.put(r, PodTotals.stored(list.get(r).value()));
      }
    }
    return out;
  }

  public static QosClass of(List<ContainerSpec> containers) {
    boolean any = false;
    boolean guaranteed = true;
    for (ContainerSpec c : containers) {
      for (String r : List.of(ResourceList.CPU, ResourceList.MEMORY)) {
        boolean hasRequest = c.requests().has(r) && !c.requests().get(r).isZero();
        boolean hasLimit = c.limits().has(r) && !c.limits().get(r).isZero();
        any |= hasRequest || hasLimit;
        // An explicit request (zero included) must equal the limit; an absent one defaults to it.
        // compared as stored: API defaulting rounds both up to milli precision first
        if (!hasLimit || (c.requests().has(r)
            && PodTotals.stored(c.requests().get(r).value()).compareTo(PodTotals.stored(c.limits().get(r).value())) != 0)) {
          guaranteed = false;
        }
      }
    }
    if (!any) {
      return BestEffort;
    }
    return guaranteed ? Guaranteed : Burstable;
  }
}
