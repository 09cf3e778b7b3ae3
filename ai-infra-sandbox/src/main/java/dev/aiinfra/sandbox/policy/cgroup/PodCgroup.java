package dev.aiinfra.sandbox.policy.cgroup;

import java.util.List;
import java.util.Optional;

/**
 * A pod's cgroup v2 values: its QoS class, the pod-level cgroup the kubelet writes (with its own
 * linear weight mapping) and each container's.
 */
public record PodCgroup(
    QosClass qos,
    long podCpuShares,
    long podCpuWeight,
    Optional<String> podCpuMax,
    Optional<String> podMemoryMax,
    String podPidsMax,
    List<ContainerCgroup> containers) {}
