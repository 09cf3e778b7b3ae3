package dev.aiinfra.sandbox.model.runtime;

import org.immutables.value.Value;

/** What a sandboxed workload needs from its runtime, and what its nodes offer. */
@Value.Immutable
public abstract class WorkloadNeeds implements WithWorkloadNeeds {
  /** GPUs passed through to the sandbox. */
  @Value.Default
  public int gpus() {
    return 0;
  }

  /** Memory encryption / attestation (AMD SEV-SNP or Intel TDX confidential containers). */
  @Value.Default
  public boolean confidential() {
    return false;
  }

  /** Needs the full Linux syscall surface (e.g. io_uring, eBPF, FUSE, nested containers) that gVisor does not implement. */
  @Value.Default
  public boolean fullKernel() {
    return false;
  }

  /** The nodes expose hardware virtualisation ({@code /dev/kvm}), which Kata needs. */
  @Value.Default
  public boolean nodesHaveVirtualisation() {
    return true;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link WorkloadNeeds}. */
  public static final class Builder extends ImmutableWorkloadNeeds.Builder {}
}
