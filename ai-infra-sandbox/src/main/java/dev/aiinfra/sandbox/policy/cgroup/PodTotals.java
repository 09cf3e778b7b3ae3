package dev.aiinfra.sandbox.policy.cgroup;

import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodLevelResources;
import dev.aiinfra.core.model.workload.RestartPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One resource summed like the kubelet's pod aggregate: max(long-running sum, max(init + earlier
 * sidecars)). The sums are exact over the stored (milli-rounded) quantities, as the kubelet adds
 * {@code resource.Quantity} values; round the total with {@link #ceilMilli} or {@link #ceil}.
 */
final class PodTotals {
  private BigDecimal running = BigDecimal.ZERO;
  private BigDecimal sidecars = BigDecimal.ZERO;
  private BigDecimal initPeak = BigDecimal.ZERO;

  void add(BigDecimal value, boolean init, boolean sidecar) {
    if (!init) {
      running = running.add(value);
    } else if (sidecar) {
      running = running.add(value);
      sidecars = sidecars.add(value);
      initPeak = initPeak.max(sidecars);
    } else {
      initPeak = initPeak.max(value.add(sidecars));
    }
  }

  BigDecimal pod() {
    return running.max(initPeak);
  }

  /**
   * The amount of {@code name} in {@code r} as the API server stores it (zero when absent): pod
   * defaulting rounds every container and overhead quantity up to milli precision
   * ({@code SetDefaults_ResourceList}), and the kubelet adds those exactly.
   */
  static BigDecimal exact(ResourceList r, String name) {
    return r.has(name) ? stored(r.get(name).value()) : BigDecimal.ZERO;
  }

  /** A quantity rounded up to milli precision, as API defaulting stores it. */
  static BigDecimal stored(BigDecimal v) {
    return v.scale() > 3 ? v.setScale(3, RoundingMode.CEILING) : v;
  }

  /** Thousandths rounded up, like Go's {@code MilliValue()}. */
  static long ceilMilli(BigDecimal v) {
    return v.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** Rounded up to a whole number, like Go's {@code Value()}. */
  static long ceil(BigDecimal v) {
    return v.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** The pod's CPU request in millicores as the kubelet's {@code PodRequests} sums it (a request defaults to the limit). */
  static long cpuRequestMilli(List<ContainerSpec> initContainers, List<ContainerSpec> containers) {
    return ceilMilli(cpuRequest(initContainers, containers));
  }

  private static BigDecimal cpuRequest(List<ContainerSpec> initContainers, List<ContainerSpec> containers) {
    PodTotals t = new PodTotals();
    for (int i = 0; i < initContainers.size() + containers.size(); i++) {
      boolean init = i < initContainers.size();
      ContainerSpec c = init ? initContainers.get(i) : containers.get(i - initContainers.size());
      ResourceList r = c.requests().has(ResourceList.CPU) ? c.requests() : c.limits();
      t.add(exact(r, ResourceList.CPU), init, sidecar(c, init));
    }
    return t.pod();
  }

  /** As above, plus the pod overhead (the kubelet's {@code PodRequests} adds it before rounding). */
  static long cpuRequestMilli(CgroupPod pod) {
    return cpuRequestMilli(pod, false);
  }

  /** As above, with a pod-level CPU request (as defaulted) in place of the containers' when the gate is on. */
  static long cpuRequestMilli(CgroupPod pod, boolean podLevelResources) {
    BigDecimal containers = cpuRequest(pod.initContainers(), pod.containers());
    BigDecimal request = !podLevelResources ? containers : pod.resources()
        .map(r -> r.defaulted(pod.initContainers(), pod.containers()).requests())
        .filter(r -> r.names().stream().anyMatch(PodLevelResources::supported) && r.has(ResourceList.CPU))
        .map(r -> exact(r, ResourceList.CPU)).orElse(containers);
    return ceilMilli(request.add(exact(pod.overhead(), ResourceList.CPU)));
  }

  static boolean sidecar(ContainerSpec c, boolean init) {
    return init && c.restartPolicy().filter(p -> p == RestartPolicy.Always).isPresent();
  }
}
