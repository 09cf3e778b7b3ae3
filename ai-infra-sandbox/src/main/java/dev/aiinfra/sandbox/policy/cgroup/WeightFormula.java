package dev.aiinfra.sandbox.policy.cgroup;

/**
 * How CPU shares become cgroup v2 {@code cpu.weight}. The kubelet's own pod and QoS cgroups always
 * use the linear mapping; container cgroups use the runtime's: linear up to runc 1.3.1 and crun
 * 1.22, quadratic from runc 1.3.2 and crun 1.23 (opencontainers/cgroups v0.0.3+), which maps the
 * cgroup v1 default 1024 to the v2 default 100.
 */
public enum WeightFormula {
  LINEAR,
  QUADRATIC;

  /** {@code cpu.weight} for {@code shares}; 0 means "not set" and maps to 0. */
  public long weight(long shares) {
    return this == LINEAR ? CpuConversions.linearWeight(shares) : CpuConversions.quadraticWeight(shares);
  }
}
