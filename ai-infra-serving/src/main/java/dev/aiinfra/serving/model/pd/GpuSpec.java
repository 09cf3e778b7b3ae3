package dev.aiinfra.serving.model.pd;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One GPU type as the planner sees it: dense tensor throughput per precision, memory and its
 * bandwidth, the intra-node link (NVLink per direction, or PCIe where there is none) and the
 * network per GPU per direction. Identified by AIConfigurator's system name ({@code h200_sxm}).
 */
@Value.Immutable
public abstract class GpuSpec implements WithGpuSpec {
  /** AIConfigurator's system name, e.g. {@code h200_sxm}. */
  public abstract String id();

  @Value.Default
  public String name() {
    return id();
  }

  /** Where the figures come from. */
  public abstract java.util.List<String> sources();

  /** Dense BF16 tensor FLOP/s. */
  public abstract double bf16FlopsPerSecond();

  /** Dense FP8 tensor FLOP/s; absent on GPUs without FP8 tensor cores (A100), which compute FP8 weights in BF16. */
  public abstract Optional<Double> fp8FlopsPerSecond();

  public abstract long memoryBytes();

  public abstract double memoryBytesPerSecond();

  /** NVLink per direction, or the PCIe link per direction where there is no NVLink. */
  public abstract double interconnectBytesPerSecond();

  /** Scale-out network per GPU per direction (one 400 Gb/s NIC per GPU = 50 GB/s). */
  public abstract double networkBytesPerSecond();

  /** GPUs per node, the largest tensor-parallel group the interconnect serves. */
  @Value.Default
  public int gpusPerNode() {
    return 8;
  }

  /** Memory the runtime keeps for itself (CUDA context, NCCL, allocator): AIConfigurator's {@code other_mem}. */
  @Value.Default
  public long reservedBytes() {
    return 3_758_096_384L;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Tensor FLOP/s for GEMMs with weights of this precision. */
  public double flopsPerSecond(Precision p) {
    return p == Precision.FP8 ? fp8FlopsPerSecond().orElse(bf16FlopsPerSecond()) : bf16FlopsPerSecond();
  }

  /** True when FP8 GEMMs run on FP8 tensor cores (otherwise they are weight-only FP8 in BF16). */
  public boolean hasFp8() {
    return fp8FlopsPerSecond().isPresent();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (id().isBlank()) {
      v.required(FieldPath.of("id"), "a GPU needs an id");
    }
    positive(v, "bf16FlopsPerSecond", bf16FlopsPerSecond());
    fp8FlopsPerSecond().ifPresent(f -> positive(v, "fp8FlopsPerSecond", f));
    positive(v, "memoryBytes", memoryBytes());
    positive(v, "memoryBytesPerSecond", memoryBytesPerSecond());
    positive(v, "interconnectBytesPerSecond", interconnectBytesPerSecond());
    positive(v, "networkBytesPerSecond", networkBytesPerSecond());
    if (gpusPerNode() < 1) {
      v.invalid(FieldPath.of("gpusPerNode"), gpusPerNode(), "must be at least 1");
    }
    if (reservedBytes() < 0 || reservedBytes() >= memoryBytes()) {
      v.invalid(FieldPath.of("reservedBytes"), reservedBytes(), "must be between 0 and the GPU's memory");
    }
    v.throwIfAny();
  }

  private static void positive(Violations v, String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      v.invalid(FieldPath.of(field), value, "must be a positive number");
    }
  }

  /** Builder for {@link GpuSpec}. */
  public static final class Builder extends ImmutableGpuSpec.Builder {}
}
