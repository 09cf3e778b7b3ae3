package dev.aiinfra.serving.model.pd;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import org.immutables.value.Value;

/**
 * Multi-head latent attention (DeepSeek-V2/V3): the KV cache holds one compressed latent plus a
 * decoupled RoPE key per token and layer, shared by every head, so tensor parallelism does not
 * shrink it.
 */
@Value.Immutable
public abstract class MlaSpec implements WithMlaSpec {
  /** {@code q_lora_rank}; 0 when queries are not compressed. */
  @Value.Default
  public int qLoraRank() {
    return 0;
  }

  public abstract int kvLoraRank();

  public abstract int qkNopeHeadDim();

  public abstract int qkRopeHeadDim();

  public abstract int vHeadDim();

  public static Builder builder() {
    return new Builder();
  }

  /** Cached elements per token per layer: latent + RoPE key. */
  public int cachedElementsPerLayer() {
    return kvLoraRank() + qkRopeHeadDim();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (qLoraRank() < 0) {
      v.invalid(FieldPath.of("qLoraRank"), qLoraRank(), "must not be negative");
    }
    for (String f : new String[] {"kvLoraRank", "qkNopeHeadDim", "qkRopeHeadDim", "vHeadDim"}) {
      int value = f.equals("kvLoraRank") ? kvLoraRank() : f.equals("qkNopeHeadDim") ? qkNopeHeadDim() : f.equals("qkRopeHeadDim") ? qkRopeHeadDim() : vHeadDim();
      if (value < 1) {
        v.invalid(FieldPath.of(f), value, "must be at least 1");
      }
    }
    v.throwIfAny();
  }

  /** Builder for {@link MlaSpec}. */
  public static final class Builder extends ImmutableMlaSpec.Builder {}
}
