package dev.aiinfra.sandbox.policy.cgroup;

import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodLevelResources;
import dev.aiinfra.sandbox.model.cgroup.CgroupSettings;
import dev.aiinfra.core.model.profile.MemoryReservationPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Computes what the kubelet ({@code calculateLinuxResources}, {@code ResourceConfigForPod}) and the
 * runtime write for a pod's cgroups on cgroup v2: shares and {@code cpu.weight} (the runtime's
 * mapping for containers, the kubelet's linear one for the pod), CFS quota and {@code cpu.max},
 * {@code memory.max}, Memory QoS ({@code memory.min}/{@code low}/{@code high} by Kubernetes
 * version), {@code memory.oom.group} and the pod's {@code pids.max}. Init containers get their own
 * cgroups and count towards the pod's like the kubelet's {@code PodRequests}/{@code PodLimits}: the
 * pod needs the larger of its long-running sum (containers plus sidecars) and the largest init
 * container plus the sidecars started before it (KEP-753).
 */
public final class PodCgroups {
  private PodCgroups() {}

  /** Containers alone; like every entry point it refuses values the kubelet cannot hold ({@link CgroupPod}). */
  public static PodCgroup compute(List<ContainerSpec> containers, CgroupSettings s) {
    return compute(CgroupPod.of(containers), s);
  }

  /** With init containers; one whose {@code restartPolicy} is {@code Always} is a sidecar. */
  public static PodCgroup compute(CgroupPod pod, CgroupSettings s) {
    List<ContainerSpec> initContainers = pod.initContainers();
    List<ContainerSpec> containers = pod.containers();
    ResourceList overhead = pod.overhead();
    List<ContainerSpec> all = pod.all();
    QosClass qos = QosClass.of(pod, s.podLevelResources());
    // Pod-level resources (KEP-2837) as defaulted; "set" as resourcehelper.IsPodLevelResourcesSet says.
    Optional<PodLevelResources> podLevel = s.podLevelResources()
        ? pod.resources().map(r -> r.defaulted(initContainers, containers)).filter(PodCgroups::anySupported)
        : Optional.empty();
    ResourceList podLimits = podLevel.map(PodLevelResources::limits).orElse(ResourceList.empty());
    ResourceList podRequests = podLevel.map(PodLevelResources::requests).orElse(ResourceList.empty());
    WeightFormula runtime = s.quadraticWeight() ? WeightFormula.QUADRATIC : WeightFormula.LINEAR;
    long period = s.cpuCfsQuotaPeriodMicros();
    List<ContainerCgroup> out = new ArrayList<>();
    PodTotals cpuRequests = new PodTotals();
    PodTotals cpuLimits = new PodTotals();
    PodTotals memoryLimits = new PodTotals();
    boolean allCpuLimits = true;
    boolean allMemoryLimits = true;
    long sidecarCpuLimits = 0;
    long sidecarMemoryLimits = 0;
    for (int i = 0; i < all.size(); i++) {
      ContainerSpec c = all.get(i);
      boolean init = i < initContainers.size();
      boolean sidecar = PodTotals.sidecar(c, init);
      long cpuLimit = milli(c.limits(), ResourceList.CPU);
      long memLimit = bytes(c.limits(), ResourceList.MEMORY);
      // getCPULimit/getMemoryLimit: a container without its own limit is capped by the pod-level one
      long cgroupCpuLimit = cpuLimit == 0 ? milli(podLimits, ResourceList.CPU) : cpuLimit;
      long cgroupMemLimit = memLimit == 0 ? bytes(podLimits, ResourceList.MEMORY) : memLimit;
      // without a request the CRI shares follow the limit the container gets (its own or the pod's)
      long cpuRequest = c.requests().has(ResourceList.CPU) ? milli(c.requests(), ResourceList.CPU) : cgroupCpuLimit;
      long memRequest = c.requests().has(ResourceList.MEMORY) ? bytes(c.requests(), ResourceList.MEMORY) : memLimit;
      // the pod's sums are exact; each container's own values are rounded up on their own
      BigDecimal exactCpuLimit = PodTotals.exact(c.limits(), ResourceList.CPU);
      cpuRequests.add(c.requests().has(ResourceList.CPU) ? PodTotals.exact(c.requests(), ResourceList.CPU) : exactCpuLimit, init, sidecar);
      cpuLimits.add(exactCpuLimit, init, sidecar);
      memoryLimits.add(PodTotals.exact(c.limits(), ResourceList.MEMORY), init, sidecar);
      // An init container "declares" a limit with the sidecars started before it (and itself): the
      // kubelet checks each init container's limit together with theirs (KEP-753 pod limits).
      if (sidecar) {
        sidecarCpuLimits += cpuLimit;
        sidecarMemoryLimits += memLimit;
      }
      long declaredCpu = !init ? cpuLimit : sidecar ? sidecarCpuLimits : cpuLimit + sidecarCpuLimits;
      long declaredMemory = !init ? memLimit : sidecar ? sidecarMemoryLimits : memLimit + sidecarMemoryLimits;
      allCpuLimits &= declaredCpu > 0;
      allMemoryLimits &= declaredMemory > 0;
      long shares = CpuConversions.sharesFromMilliCpu(cpuRequest);
      Optional<Long> quota = s.cpuCfsQuota() ? Optional.of(CpuConversions.quotaFromMilliCpu(cgroupCpuLimit, period)) : Optional.empty();
      Optional<String> cpuMax = quota.map(q -> CpuConversions.cpuMax(q, period));
      Optional<Long> min = Optional.empty();
      Optional<Long> low = Optional.empty();
      Optional<Long> high = Optional.empty();
      if (s.memoryQos()) {
        if (s.kubernetesMinor() < 36) {
          min = memRequest > 0 ? Optional.of(memRequest) : Optional.empty();
        } else if (s.memoryReservationPolicy() == MemoryReservationPolicy.TieredReservation && memRequest > 0) {
          if (qos == QosClass.Guaranteed) {
            min = Optional.of(memRequest);
          } else {
            low = Optional.of(memRequest);
          }
        } else {
          // 1.36+: without a tiered reservation the kubelet resets both protections to 0 explicitly.
          min = Optional.of(0L);
          low = Optional.of(0L);
        }
        high = memoryHigh(memRequest, memLimit, s);
      }
      out.add(new ContainerCgroup(c.name(), shares, quota, runtime.weight(shares), cpuMax,
          cgroupMemLimit > 0 ? Long.toString(cgroupMemLimit) : "max", min, low, high,
          s.singleProcessOomKill() ? Optional.empty() : Optional.of(1L), init));
    }
    BigDecimal overheadCpu = PodTotals.exact(overhead, ResourceList.CPU);
    BigDecimal overheadMemory = PodTotals.exact(overhead, ResourceList.MEMORY);
    // PodRequests / PodLimits: a pod-level value replaces the containers' aggregate of its resource
    BigDecimal podCpuRequest = podRequests.has(ResourceList.CPU) ? PodTotals.exact(podRequests, ResourceList.CPU) : cpuRequests.pod();
    BigDecimal podCpuLimit = podLimits.has(ResourceList.CPU) ? PodTotals.exact(podLimits, ResourceList.CPU) : cpuLimits.pod();
    BigDecimal podMemoryLimit = podLimits.has(ResourceList.MEMORY) ? PodTotals.exact(podLimits, ResourceList.MEMORY) : memoryLimits.pod();
    allCpuLimits |= podLimits.has(ResourceList.CPU) && podLimits.get(ResourceList.CPU).signum() > 0;
    allMemoryLimits |= podLimits.has(ResourceList.MEMORY) && podLimits.get(ResourceList.MEMORY).signum() > 0;
    long requestSum = PodTotals.ceilMilli(podCpuRequest.add(overheadCpu));
    long cpuLimitSum = podCpuLimit.signum() > 0 ? PodTotals.ceilMilli(podCpuLimit.add(overheadCpu)) : 0;
    long memoryLimitSum = podMemoryLimit.signum() > 0 ? PodTotals.ceil(podMemoryLimit.add(overheadMemory)) : 0;
    long podShares = qos == QosClass.BestEffort ? CpuConversions.MIN_SHARES : CpuConversions.sharesFromMilliCpu(requestSum);
    boolean podQuota = s.cpuCfsQuota();
    // With CFS quota off the kubelet still writes the pod's period, with quota -1: "max <period>".
    boolean podCpuMaxWritten = qos == QosClass.Guaranteed || (qos == QosClass.Burstable && allCpuLimits && !all.isEmpty());
    long podQuotaMicros = podQuota ? CpuConversions.quotaFromMilliCpu(cpuLimitSum, period) : -1;
    Optional<String> podCpuMax = podCpuMaxWritten ? Optional.of(CpuConversions.cpuMax(podQuotaMicros, period)) : Optional.empty();
    boolean podMemory = qos == QosClass.Guaranteed || (qos == QosClass.Burstable && allMemoryLimits && !all.isEmpty());
    Optional<Long> podMemoryMax = podMemory ? Optional.of(memoryLimitSum) : Optional.empty();
    String pids = s.podPidsLimit() > 0 ? Long.toString(s.podPidsLimit()) : "max";
    return new PodCgroup(qos, podShares, CpuConversions.linearWeight(podShares), podCpuMax, podMemoryMax, pids, out);
  }

  private static boolean anySupported(PodLevelResources r) {
    return r.requests().names().stream().anyMatch(PodLevelResources::supported) || r.limits().names().stream().anyMatch(PodLevelResources::supported);
  }

  /**
   * {@code floor((request + f × (limit or node allocatable − request)) / page) × page}, written only
   * when request ≠ limit and the result exceeds the request; never without a throttling factor.
   */
  static Optional<Long> memoryHigh(long request, long limit, CgroupSettings s) {
    OptionalDouble f = s.effectiveThrottlingFactor();
    if (f.isEmpty()) {
      return Optional.empty();
    }
    long ceiling = limit > 0 ? limit : s.nodeAllocatableMemory().orElse(0);
    if (ceiling <= 0 || request == limit) {
      return Optional.empty();
    }
    long page = s.pageSize();
    long high = (long) Math.floor((request + f.getAsDouble() * (ceiling - request)) / page) * page;
    return high > request ? Optional.of(high) : Optional.empty();
  }

  private static long milli(ResourceList r, String name) {
    return r.has(name) ? r.get(name).milliValue() : 0;
  }

  private static long bytes(ResourceList r, String name) {
    return r.has(name) ? r.get(name).longValue() : 0;
  }
}
