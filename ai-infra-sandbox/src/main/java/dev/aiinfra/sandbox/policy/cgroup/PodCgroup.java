package dev.aiinfra.sandbox.policy.cgroup;

import java.util.List;
import java.util.Optional;

/**
 * A pod's cgroup v2 values: its QoS class, the pod-level cgroup the kubelet writes (with its own
 * linear weight mapping) and each container's.
 *
 * @param podCpuMax {@code cpu.max} ({@code "<quota>|max <period>"}), empty when not written
 * @param podMemoryMax {@code memory.max} in bytes, empty when not written (the pod declares no memory limit)
 * @param podPidsMax {@code pids.max}: a number, or {@code "max"} without a pod PIDs limit
 */
public record PodCgroup(
    QosClass qos,
    long podCpuShares,
    long podCpuWeight,
    Optional<String> podCpuMax,
    Optional<Long> podMemoryMax,
    String podPidsMax,
    List<ContainerCgroup> containers) {}
