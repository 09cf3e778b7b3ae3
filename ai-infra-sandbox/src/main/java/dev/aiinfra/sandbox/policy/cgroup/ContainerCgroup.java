package dev.aiinfra.sandbox.policy.cgroup;

import java.util.Optional;

/**
 * The cgroup v2 files the runtime writes for one container; an empty value is a file that is not
 * written (the kernel default applies).
 *
 * @param cpuShares the CRI {@code CpuShares} the kubelet sends
 * @param cpuQuota the CRI {@code CpuQuota} (0: none), empty when CFS quota is off
 * @param memoryMax {@code memory.max}: bytes, or {@code "max"} without a memory limit
 * @param memoryOomGroup {@code memory.oom.group} ({@code 1}: kill the whole container on OOM), empty
 *     when not written ({@code singleProcessOOMKill})
 * @param initContainer whether this is an init container (sidecars included)
 */
public record ContainerCgroup(
    String name,
    long cpuShares,
    Optional<Long> cpuQuota,
    long cpuWeight,
    Optional<String> cpuMax,
    String memoryMax,
    Optional<Long> memoryMin,
    Optional<Long> memoryLow,
    Optional<Long> memoryHigh,
    Optional<Long> memoryOomGroup,
    boolean initContainer) {}
