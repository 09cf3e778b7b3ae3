package dev.aiinfra.sandbox.policy.cgroup;

import dev.aiinfra.core.model.workload.ContainerSpec;
import java.util.List;

/**
 * The node-level cgroups the kubelet manages for a set of pods ({@code qos_container_manager_linux.go}):
 * {@code kubepods} gets the shares of the node's allocatable CPU, the Burstable QoS cgroup the shares
 * of its pods' summed CPU requests, the BestEffort one the minimum 2 shares; weights use the
 * kubelet's linear mapping. Guaranteed pods sit directly under {@code kubepods}.
 */
public final class QosCgroups {
  private QosCgroups() {}

  /** Shares and weight of one node-level cgroup. */
  public record Cpu(long shares, long weight) {
    static Cpu of(long shares) {
      return new Cpu(shares, CpuConversions.linearWeight(shares));
    }
  }

  /** The three cgroups. */
  public record Values(Cpu kubepods, Cpu burstable, Cpu besteffort) {}

  /** Pods given by their containers only. */
  public static Values compute(List<List<ContainerSpec>> pods, long allocatableMilliCpu) {
    return computePods(pods.stream().map(c -> new CgroupPod(List.of(), c)).toList(), allocatableMilliCpu);
  }

  /** Pods with init containers: a Burstable pod adds its kubelet pod request (init containers and sidecars counted). */
  public static Values computePods(List<CgroupPod> pods, long allocatableMilliCpu) {
    return computePods(pods, allocatableMilliCpu, true);
  }

  /** As above; {@code podLevelResources} is the PodLevelResources gate (on: a pod-level CPU request replaces the containers'). */
  public static Values computePods(List<CgroupPod> pods, long allocatableMilliCpu, boolean podLevelResources) {
    long burstableRequests = 0;
    for (CgroupPod pod : pods) {
      if (QosClass.of(pod, podLevelResources) != QosClass.Burstable) {
        continue;
      }
      burstableRequests += PodTotals.cpuRequestMilli(pod, podLevelResources);
    }
    return new Values(Cpu.of(CpuConversions.sharesFromMilliCpu(allocatableMilliCpu)), Cpu.of(CpuConversions.sharesFromMilliCpu(burstableRequests)),
        Cpu.of(CpuConversions.MIN_SHARES));
  }
}
