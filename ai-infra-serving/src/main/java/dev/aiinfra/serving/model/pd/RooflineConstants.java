package dev.aiinfra.serving.model.pd;

import org.immutables.value.Value;

/**
 * The efficiency constants of the table-free roofline (domain notes §5.3), fitted to
 * AIConfigurator's H200 / TensorRT-LLM operation tables, and AIConfigurator's serving corrections
 * (its {@code task_v2.py} and {@code picking.py}), kept so the results stay comparable with it.
 * Every value can be overridden for a measured cluster.
 */
@Value.Immutable
public abstract class RooflineConstants implements WithRooflineConstants {
  private static final RooflineConstants DEFAULTS = builder().build();

  /** The fitted H200 / TRT-LLM constants. */
  public static RooflineConstants defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fraction of BF16 tensor peak a large BF16 GEMM reaches. */
  @Value.Default
  public double gemmMfuBf16() {
    return 0.80;
  }

  /** Fraction of FP8 tensor peak a large block-scaled FP8 GEMM reaches. */
  @Value.Default
  public double gemmMfuFp8() {
    return 0.55;
  }

  /** Fraction of BF16 peak causal prefill attention reaches. */
  @Value.Default
  public double prefillAttentionMfu() {
    return 0.45;
  }

  /** Fraction of memory bandwidth a small-m GEMM reaches streaming BF16 weights. */
  @Value.Default
  public double weightStreamMbuBf16() {
    return 0.95;
  }

  @Value.Default
  public double weightStreamMbuFp8() {
    return 0.85;
  }

  /** Fixed cost of one GEMM kernel, BF16 weights, seconds. */
  @Value.Default
  public double gemmFixedSecondsBf16() {
    return 5e-6;
  }

  @Value.Default
  public double gemmFixedSecondsFp8() {
    return 6e-6;
  }

  /** Fraction of memory bandwidth decode attention reaches reading a BF16 KV cache. */
  @Value.Default
  public double kvStreamMbuBf16() {
    return 0.50;
  }

  @Value.Default
  public double kvStreamMbuFp8() {
    return 0.60;
  }

  /** Fixed cost of one attention kernel per layer, seconds. */
  @Value.Default
  public double attentionFixedSeconds() {
    return 8e-6;
  }

  /** Fraction of the per-direction link rate an all-reduce reaches. */
  @Value.Default
  public double allReduceEfficiency() {
    return 0.70;
  }

  /** Elementwise kernels (norms, activation, residual adds) per layer. */
  @Value.Default
  public int elementwiseKernelsPerLayer() {
    return 4;
  }

  @Value.Default
  public double elementwiseKernelSeconds() {
    return 2e-6;
  }

  /** Passes over the prefill activations per layer by elementwise kernels. */
  @Value.Default
  public int activationPasses() {
    return 10;
  }

  /** AIConfigurator's {@code prefill_latency_correction}. */
  @Value.Default
  public double prefillCorrection() {
    return 1.1;
  }

  /** AIConfigurator's {@code decode_latency_correction}. */
  @Value.Default
  public double decodeCorrection() {
    return 1.08;
  }

  /** AIConfigurator's concurrent-prefill queueing factor on disaggregated TTFT. */
  @Value.Default
  public double disaggTtftQueueing() {
    return 1.8;
  }

  /** Rate-matching factor of prefill workers ("pipeline bubble"). */
  @Value.Default
  public double prefillRateFactor() {
    return 0.9;
  }

  /** Rate-matching factor of decode workers ("not saturating the decode batch"). */
  @Value.Default
  public double decodeRateFactor() {
    return 0.92;
  }

  /** Share of GPU memory the engine may use (weights, KV cache and the reserved part). */
  @Value.Default
  public double memoryFraction() {
    return 0.9;
  }

  /** All-reduce latency for a tensor-parallel group of {@code tp} GPUs, seconds. */
  public double allReduceLatencySeconds(int tp) {
    if (tp <= 1) {
      return 0;
    }
    return tp == 2 ? 3e-6 : tp <= 4 ? 8e-6 : 14e-6;
  }

  /** AIConfigurator's in-flight-batching TTFT queueing factor {@code min(2 + (B − 3)/20, 4)}. */
  public double aggregatedTtftQueueing(int batch) {
    return Math.min(2 + (batch - 3) / 20.0, 4);
  }

  public double gemmMfu(Precision p) {
    return p == Precision.FP8 ? gemmMfuFp8() : gemmMfuBf16();
  }

  public double weightStreamMbu(Precision p) {
    return p == Precision.FP8 ? weightStreamMbuFp8() : weightStreamMbuBf16();
  }

  public double gemmFixedSeconds(Precision p) {
    return p == Precision.FP8 ? gemmFixedSecondsFp8() : gemmFixedSecondsBf16();
  }

  public double kvStreamMbu(Precision p) {
    return p == Precision.FP8 ? kvStreamMbuFp8() : kvStreamMbuBf16();
  }

  /** Builder for {@link RooflineConstants}. */
  public static final class Builder extends ImmutableRooflineConstants.Builder {}
}
