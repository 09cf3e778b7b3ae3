package dev.aiinfra.serving.model.pd;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A decoder-only transformer as the roofline needs it, read from the Hugging Face
 * {@code config.json}: layers, widths, heads, vocabulary, the precision of weights and KV cache,
 * and the optional MoE and MLA parts. Embedding and lm_head stay in BF16 whatever the weight
 * precision, as FP8 checkpoints keep them.
 */
@Value.Immutable
public abstract class ModelSpec implements WithModelSpec {
  /** Catalog name, e.g. {@code qwen3-32b}. */
  public abstract String id();

  /** Hugging Face repository id, e.g. {@code Qwen/Qwen3-32B}. */
  @Value.Default
  public String hfId() {
    return id();
  }

  /** The checkpoint an engine loads, e.g. {@code Qwen/Qwen3-32B-FP8}; the Hugging Face id by default. */
  @Value.Default
  public String checkpoint() {
    return hfId();
  }

  /** Other names this model answers to (Instruct variants, older repository names). */
  public abstract java.util.List<String> aliases();

  /** Where the figures come from. */
  public abstract java.util.List<String> sources();

  public abstract int layers();

  public abstract int hidden();

  public abstract int heads();

  public abstract int kvHeads();

  public abstract int headDim();

  /** Dense FFN width; for MoE models the width of the leading dense layers. */
  public abstract int intermediate();

  public abstract int vocab();

  @Value.Default
  public boolean tiedEmbeddings() {
    return false;
  }

  @Value.Default
  public Precision weights() {
    return Precision.BF16;
  }

  @Value.Default
  public Precision kvCache() {
    return Precision.BF16;
  }

  public abstract Optional<MoeSpec> moe();

  public abstract Optional<MlaSpec> mla();

  public static Builder builder() {
    return new Builder();
  }

  /** This model with weights and KV cache in {@code precision}, e.g. the {@code -FP8} checkpoint. */
  public ModelSpec withPrecision(Precision precision) {
    return withWeights(precision).withKvCache(precision);
  }

  /** Attention projection parameters of one layer (Q, K, V, O; MLA's low-rank projections). */
  public long attentionParamsPerLayer() {
    if (mla().isPresent()) {
      MlaSpec m = mla().get();
      long qk = m.qkNopeHeadDim() + m.qkRopeHeadDim();
      long q = m.qLoraRank() > 0 ? (long) hidden() * m.qLoraRank() + (long) m.qLoraRank() * heads() * qk : (long) hidden() * heads() * qk;
      long kvDown = (long) hidden() * (m.kvLoraRank() + m.qkRopeHeadDim());
      long kvUp = (long) m.kvLoraRank() * heads() * (m.qkNopeHeadDim() + m.vHeadDim());
      long o = (long) heads() * m.vHeadDim() * hidden();
      return q + kvDown + kvUp + o;
    }
    return (long) hidden() * (heads() + 2L * kvHeads()) * headDim() + (long) heads() * headDim() * hidden();
  }

  /** FFN parameters of one dense SwiGLU layer (gate, up, down). */
  public long denseFfnParamsPerLayer() {
    return 3L * hidden() * intermediate();
  }

  /** Parameters of one routed (or shared) expert. */
  public long expertParams() {
    return moe().map(m -> 3L * hidden() * m.expertIntermediate()).orElse(0L);
  }

  /** Layers whose FFN is a mixture of experts. */
  public int moeLayers() {
    return moe().map(m -> layers() - m.denseLayers()).orElse(0);
  }

  /** All linear (GEMM) parameters, every expert counted. */
  public long linearParams() {
    long attention = (long) layers() * attentionParamsPerLayer();
    if (moe().isEmpty()) {
      return attention + (long) layers() * denseFfnParamsPerLayer();
    }
    MoeSpec m = moe().get();
    long dense = (long) m.denseLayers() * denseFfnParamsPerLayer();
    long experts = (long) moeLayers() * (m.experts() + m.sharedExperts()) * expertParams();
    long router = (long) moeLayers() * hidden() * m.experts();
    return attention + dense + experts + router;
  }

  /** Linear parameters one token touches: attention, dense FFNs, shared and top-k routed experts. */
  public long activeLinearParams() {
    if (moe().isEmpty()) {
      return linearParams();
    }
    MoeSpec m = moe().get();
    return (long) layers() * attentionParamsPerLayer()
        + (long) m.denseLayers() * denseFfnParamsPerLayer()
        + (long) moeLayers() * ((m.expertsPerToken() + m.sharedExperts()) * expertParams() + (long) hidden() * m.experts());
  }

  /** Embedding and lm_head parameters (once when tied). */
  public long embeddingParams() {
    return (long) vocab() * hidden() * (tiedEmbeddings() ? 1 : 2);
  }

  public long totalParams() {
    return linearParams() + embeddingParams();
  }

  /** Weight bytes of the whole model: linear layers in the weight precision, embeddings in BF16. */
  public double weightBytes() {
    return (double) linearParams() * weights().bytes() + embeddingParams() * 2.0;
  }

  /**
   * KV-cache bytes one token occupies on one GPU of a {@code tp}-wide worker: KV heads split over
   * the ranks and replicate when {@code tp > kvHeads}; an MLA latent is replicated on every rank.
   */
  public double kvBytesPerTokenPerGpu(int tp) {
    if (mla().isPresent()) {
      return (double) layers() * mla().get().cachedElementsPerLayer() * kvCache().bytes();
    }
    int headsPerGpu = (kvHeads() + tp - 1) / tp;
    return (double) layers() * 2 * headsPerGpu * headDim() * kvCache().bytes();
  }

  /** KV-cache bytes of one token across the whole worker (what a prefill-to-decode transfer moves). */
  public double kvBytesPerToken() {
    return kvBytesPerTokenPerGpu(1);
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (id().isBlank()) {
      v.required(FieldPath.of("id"), "a model needs an id");
    }
    atLeastOne(v, "layers", layers());
    atLeastOne(v, "hidden", hidden());
    atLeastOne(v, "heads", heads());
    atLeastOne(v, "kvHeads", kvHeads());
    atLeastOne(v, "headDim", headDim());
    atLeastOne(v, "intermediate", intermediate());
    atLeastOne(v, "vocab", vocab());
    if (kvHeads() >= 1 && heads() >= 1 && heads() % kvHeads() != 0) {
      v.invalid(FieldPath.of("kvHeads"), kvHeads(), "must divide heads (" + heads() + ")");
    }
    moe().ifPresent(m -> {
      if (m.denseLayers() > layers()) {
        v.invalid(FieldPath.of("moe.denseLayers"), m.denseLayers(), "must not exceed layers (" + layers() + ")");
      }
    });
    v.throwIfAny();
  }

  private static void atLeastOne(Violations v, String field, int value) {
    if (value < 1) {
      v.invalid(FieldPath.of(field), value, "must be at least 1");
    }
  }

  /** Builder for {@link ModelSpec}. */
  public static final class Builder extends ImmutableModelSpec.Builder {}
}
