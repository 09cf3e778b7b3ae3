package dev.aiinfra.sandbox.policy.cgroup;

import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import java.util.List;

/** The pod's QoS class as the kubelet computes it from CPU and memory requests and limits. */
public enum QosClass {
  Guaranteed,
  Burstable,
  BestEffort;

  /**
   * BestEffort when no container requests or limits CPU or memory; Guaranteed when every container
   * has CPU and memory limits and its requests (defaulted to the limits) equal them; else Burstable.
   */
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
