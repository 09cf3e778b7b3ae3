package dev.aiinfra.serving.policy.pd;

import dev.aiinfra.serving.model.pd.Backend;
import dev.aiinfra.serving.model.pd.GpuSpec;
import dev.aiinfra.serving.model.pd.KvTransport;
import dev.aiinfra.serving.model.pd.MlaSpec;
import dev.aiinfra.serving.model.pd.ModelSpec;
import dev.aiinfra.serving.model.pd.MoeSpec;
import dev.aiinfra.serving.model.pd.Precision;
import dev.aiinfra.serving.model.pd.RooflineConstants;

/**
 * Latency of one model on one GPU type from first principles (domain notes §5): each GEMM is
 * bound by tensor throughput or by streaming its weights, attention by FLOPs in prefill and by
 * reading the KV cache in decode, tensor parallelism adds two all-reduces per layer, and every
 * kernel pays a fixed launch cost. MoE layers use expert parallelism over the tensor-parallel
 * group (EP = TP) with an all-to-all. Times are seconds, already scaled by the backend's factor.
 */
public final class Roofline {
  private final ModelSpec model;
  private final GpuSpec gpu;
  private final Backend backend;
  private final RooflineConstants c;
  private final double weightFlops;
  private final double bf16Flops;
  private final double bandwidth;

  public Roofline(ModelSpec model, GpuSpec gpu, Backend backend, RooflineConstants constants) {
    this.model = model;
    this.gpu = gpu;
    this.backend = backend;
    this.c = constants;
    this.weightFlops = gpu.flopsPerSecond(model.weights());
    this.bf16Flops = gpu.bf16FlopsPerSecond();
    this.bandwidth = gpu.memoryBytesPerSecond();
  }

  public ModelSpec model() {
    return model;
  }

  public GpuSpec gpu() {
    return gpu;
  }

  /**
   * One GEMM of {@code m} tokens against an {@code n × k} weight on one GPU: the slower of the
   * compute bound and the memory bound (weights once, activations in and out in BF16), plus the
   * kernel's fixed cost.
   */
  public double gemmSeconds(double m, double n, double k, Precision weights) {
    double flops = weights == Precision.FP8 ? gpu.flopsPerSecond(Precision.FP8) : bf16Flops;
    double mfu = weights == Precision.FP8 && gpu.hasFp8() ? c.gemmMfu(Precision.FP8) : c.gemmMfu(Precision.BF16);
    double compute = 2 * m * n * k / (flops * mfu);
    double bytes = n * k * weights.bytes() + 2 * m * (n + k);
    double memory = bytes / (bandwidth * c.weightStreamMbu(weights));
    return Math.max(compute, memory) + c.gemmFixedSeconds(weights);
  }

  /** Ring all-reduce of {@code bytes} over a {@code tp}-GPU group: latency plus 2(tp−1)/tp of the data over the link. */
  public double allReduceSeconds(int tp, double bytes) {
    if (tp <= 1) {
      return 0;
    }
    return c.allReduceLatencySeconds(tp) + 2.0 * (tp - 1) / tp * bytes / (linkBytesPerSecond(tp) * c.allReduceEfficiency());
  }

  /** Per-direction rate of the link a {@code tp}-GPU group talks over: NVLink inside a node, the NIC beyond it. */
  private double linkBytesPerSecond(int tp) {
    return tp <= gpu.gpusPerNode() ? gpu.interconnectBytesPerSecond() : gpu.networkBytesPerSecond();
  }

  /** Linear layers of all layers for {@code m} tokens on one GPU of a {@code tp}-wide worker. */
  double linearSeconds(int tp, double m) {
    double perLayer = attentionGemmsSeconds(tp, m);
    double total = model.layers() * perLayer;
    if (model.moe().isEmpty()) {
      return total + model.layers() * denseFfnSeconds(tp, m, model.intermediate());
    }
    MoeSpec moe = model.moe().get();
    total += moe.denseLayers() * denseFfnSeconds(tp, m, model.intermediate());
    return total + model.moeLayers() * moeLayerSeconds(tp, m, moe);
  }

  private double attentionGemmsSeconds(int tp, double m) {
    Precision w = model.weights();
    int h = model.hidden();
    if (model.mla().isPresent()) {
      MlaSpec a = model.mla().get();
      double qk = a.qkNopeHeadDim() + a.qkRopeHeadDim();
      double t = 0;
      if (a.qLoraRank() > 0) {
        t += gemmSeconds(m, a.qLoraRank(), h, w);
        t += gemmSeconds(m, model.heads() * qk / tp, a.qLoraRank(), w);
      } else {
        t += gemmSeconds(m, model.heads() * qk / tp, h, w);
      }
      t += gemmSeconds(m, a.kvLoraRank() + a.qkRopeHeadDim(), h, w);
      t += gemmSeconds(m, (double) model.heads() * (a.qkNopeHeadDim() + a.vHeadDim()) / tp, a.kvLoraRank(), w);
      t += gemmSeconds(m, h, (double) model.heads() * a.vHeadDim() / tp, w);
      return t;
    }
    double d = model.headDim();
    double qkv = gemmSeconds(m, (model.heads() + 2.0 * model.kvHeads()) * d / tp, h, w);
    double o = gemmSeconds(m, h, model.heads() * d / tp, w);
    return qkv + o;
  }

  private double denseFfnSeconds(int tp, double m, double intermediate) {
    Precision w = model.weights();
    return gemmSeconds(m, 2 * intermediate / tp, model.hidden(), w) + gemmSeconds(m, model.hidden(), intermediate / tp, w);
  }

  /**
   * One MoE layer with experts spread over the group: each GPU holds {@code E/tp} experts, runs
   * its share of the {@code m·k} routed tokens, streams the experts those tokens touch
   * ({@code E·(1 − (1 − k/E)^m)} in expectation), and exchanges tokens in an all-to-all.
   */
  private double moeLayerSeconds(int tp, double m, MoeSpec moe) {
    Precision w = model.weights();
    double h = model.hidden();
    double e = moe.experts();
    double k = moe.expertsPerToken();
    double expertParams = model.expertParams();
    double localExperts = e / tp;
    double touched = localExperts * (1 - Math.pow(1 - k / e, m));
    double routedTokens = m * k / tp;
    double flops = weightFlops * (w == Precision.FP8 && gpu.hasFp8() ? c.gemmMfu(Precision.FP8) : c.gemmMfu(Precision.BF16));
    double compute = 2 * routedTokens * expertParams / flops;
    double bytes = touched * expertParams * w.bytes() + 2 * routedTokens * (h + moe.expertIntermediate()) * 3;
    double memory = bytes / (bandwidth * c.weightStreamMbu(w));
    double experts = Math.max(compute, memory) + 3 * c.gemmFixedSeconds(w);
    double router = gemmSeconds(m, e, h, Precision.BF16);
    double shared = moe.sharedExperts() > 0 ? denseFfnSeconds(tp, m, (double) moe.sharedExperts() * moe.expertIntermediate()) : 0;
    double allToAll = tp > 1 ? 2 * (c.allReduceLatencySeconds(tp) + (tp - 1.0) / tp * m * k * h * 2 / (linkBytesPerSecond(tp) * c.allReduceEfficiency())) : 0;
    return router + experts + shared + allToAll;
  }

  /** Per-layer all-reduces: two with a dense FFN, one (after attention) where MoE layers use an all-to-all instead. */
  private double allReducesSeconds(int tp, double tokens) {
    double bytes = tokens * model.hidden() * 2;
    int reduces = 2 * model.layers() - model.moeLayers();
    return reduces * allReduceSeconds(tp, bytes);
  }

  private double lmHeadSeconds(int tp, double rows) {
    return gemmSeconds(rows, (double) model.vocab() / tp, model.hidden(), Precision.BF16);
  }

  private double elementwiseSeconds() {
    return model.layers() * c.elementwiseKernelsPerLayer() * c.elementwiseKernelSeconds();
  }

  /** Causal attention FLOPs for {@code batch} sequences of {@code newTokens} after {@code cached} cached ones, per GPU. */
  private double prefillAttentionSeconds(int tp, double batch, double newTokens, double cached) {
    double qkDim;
    double vDim;
    if (model.mla().isPresent()) {
      qkDim = model.mla().get().qkNopeHeadDim() + model.mla().get().qkRopeHeadDim();
      vDim = model.mla().get().vHeadDim();
    } else {
      qkDim = model.headDim();
      vDim = model.headDim();
    }
    double total = newTokens + cached;
    double pairs = total * total - cached * cached;
    double flops = (qkDim + vDim) * model.heads() * model.layers() * batch * pairs / tp;
    return flops / (bf16Flops * c.prefillAttentionMfu()) + model.layers() * c.attentionFixedSeconds();
  }

  private double activationSeconds(double tokens) {
    return model.layers() * (c.activationPasses() * tokens * model.hidden() * 2 / bandwidth);
  }

  /** Reading the KV cache of {@code batch} sequences of mean length {@code context}, all layers. */
  private double decodeAttentionSeconds(int tp, double batch, double context) {
    double bytes = batch * context * model.kvBytesPerTokenPerGpu(tp);
    return bytes / (bandwidth * c.kvStreamMbu(model.kvCache())) + model.layers() * c.attentionFixedSeconds();
  }

  /** Prefill of {@code batch} prompts of {@code newTokens} uncached tokens after {@code cached} cached ones. */
  public double prefillSeconds(int tp, int batch, int newTokens, int cached) {
    double tokens = (double) batch * newTokens;
    double t = linearSeconds(tp, tokens)
        + prefillAttentionSeconds(tp, batch, newTokens, cached)
        + allReducesSeconds(tp, tokens)
        + activationSeconds(tokens) + elementwiseSeconds()
        + lmHeadSeconds(tp, batch);
    return t * backend.prefillFactor();
  }

  /** One decode step of {@code batch} sequences whose KV cache holds {@code context} tokens on average. */
  public double decodeStepSeconds(int tp, int batch, double context) {
    double t = linearSeconds(tp, batch)
        + decodeAttentionSeconds(tp, batch, context)
        + allReducesSeconds(tp, batch)
        + elementwiseSeconds()
        + lmHeadSeconds(tp, batch);
    return t * backend.decodeFactor();
  }

  /**
   * An in-flight-batching step that decodes {@code batch} sequences and prefills one prompt in the
   * same forward pass: GEMMs see {@code batch + newTokens} rows, attention is the sum of both kinds.
   */
  public double mixedStepSeconds(int tp, int batch, int newTokens, int cached, double context) {
    double tokens = (double) batch + newTokens;
    double t = linearSeconds(tp, tokens)
        + decodeAttentionSeconds(tp, batch, context)
        + prefillAttentionSeconds(tp, 1, newTokens, cached)
        + allReducesSeconds(tp, tokens)
        + activationSeconds(newTokens) + elementwiseSeconds()
        + lmHeadSeconds(tp, batch + 1.0);
    return t * backend.prefillFactor();
  }

  /** Weight bytes on each GPU of a {@code tp}-wide worker. */
  public double weightBytesPerGpu(int tp) {
    return model.weightBytes() / tp;
  }

  /** Bytes left for the KV cache on each GPU: the engine's share of memory minus weights and the reserved part. */
  public double kvCapacityBytesPerGpu(int tp) {
    return gpu.memoryBytes() * c.memoryFraction() - weightBytesPerGpu(tp) - gpu.reservedBytes();
  }

  /** Largest batch whose full sequences ({@code tokensPerSequence}) fit the KV cache; 0 when the weights do not fit. */
  public int maxBatch(int tp, int tokensPerSequence) {
    double capacity = kvCapacityBytesPerGpu(tp);
    if (capacity <= 0) {
      return 0;
    }
    double perSequence = tokensPerSequence * model.kvBytesPerTokenPerGpu(tp);
    return (int) Math.min(Integer.MAX_VALUE, Math.floor(capacity / perSequence));
  }

  /**
   * Moving one prompt's KV cache ({@code tokens} tokens) from a prefill worker to a decode worker:
   * the transport's rate over {@code min(tpPrefill, tpDecode)} parallel lanes plus its setup.
   */
  public double kvTransferSeconds(KvTransport transport, int tokens, int tpPrefill, int tpDecode) {
    double bytes = tokens * model.kvBytesPerToken();
    return bytes / transport.bytesPerSecond(gpu, Math.min(tpPrefill, tpDecode)) + transport.setupSeconds();
  }
}
