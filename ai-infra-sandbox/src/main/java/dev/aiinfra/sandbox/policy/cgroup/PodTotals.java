package dev.aiinfra.sandbox.policy.cgroup;

import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.RestartPolicy;
import java.util.List;

/** One resource summed like the kubelet's pod aggregate: max(long-running sum, max(init + earlier sidecars)). */
final class PodTotals {
  private long running;
  private long sidecars;
  private long initPeak;

  void add(long value, boolean init, boolean sidecar) {
    if (!init) {
      running += value;
    } else if (sidecar) {
      running += value;
      sidecars += value;
      initPeak = Math.max(initPeak, sidecars);
    } else {
      initPeak = Math.max(initPeak, value + sidecars);
    }
  }

  long pod() {
    return Math.max(running, initPeak);
  }

  /** The pod's CPU request in millicores as the kubelet's {@code PodRequests} sums it (a request defaults to the limit). */
  static long cpuRequestMilli(List<ContainerSpec> initContainers, List<ContainerSpec> containers) {
    PodTotals t = new PodTotals();
    for (int i = 0; i < initContainers.size() + containers.size(); i++) {
      boolean init = i < initContainers.size();
      ContainerSpec c = init ? initContainers.get(i) : containers.get(i - initContainers.size());
      ResourceList r = c.requests().has(ResourceList.CPU) ? c.requests() : c.limits();
      t.add(r.has(ResourceList.CPU) ? r.get(ResourceList.CPU).milliValue() : 0, init, sidecar(c, init));
    }
    return t.pod();
  }

  /** As above, plus the pod overhead (the kubelet's {@code PodRequests} adds it). */
  static long cpuRequestMilli(CgroupPod pod) {
    ResourceList o = pod.overhead();
    return cpuRequestMilli(pod.initContainers(), pod.containers()) + (o.has(ResourceList.CPU) ? o.get(ResourceList.CPU).milliValue() : 0);
  }

  static boolean sidecar(ContainerSpec c, boolean init) {
    return init && c.restartPolicy().filter(p -> p == RestartPolicy.Always).isPresent();
  }
}
