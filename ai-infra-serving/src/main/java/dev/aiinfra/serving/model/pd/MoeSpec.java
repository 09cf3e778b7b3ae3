package dev.aiinfra.serving.model.pd;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import org.immutables.value.Value;

/** The mixture-of-experts part of a model: routed experts, how many each token uses, shared experts, leading dense layers. */
@Value.Immutable
public abstract class MoeSpec implements WithMoeSpec {
  /** Routed experts per MoE layer ({@code n_routed_experts} / {@code num_experts}). */
  public abstract int experts();

  /** Experts each token is routed to ({@code num_experts_per_tok}). */
  public abstract int expertsPerToken();

  /** FFN width of one expert ({@code moe_intermediate_size}). */
  public abstract int expertIntermediate();

  @Value.Default
  public int sharedExperts() {
    return 0;
  }

  /** Leading layers with a dense FFN ({@code first_k_dense_replace}). */
  @Value.Default
  public int denseLayers() {
    return 0;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (experts() < 1) {
      v.invalid(FieldPath.of("experts"), experts(), "must be at least 1");
    }
    if (expertsPerToken() < 1 || expertsPerToken() > experts()) {
      v.invalid(FieldPath.of("expertsPerToken"), expertsPerToken(), "must be between 1 and experts");
    }
    if (expertIntermediate() < 1) {
      v.invalid(FieldPath.of("expertIntermediate"), expertIntermediate(), "must be at least 1");
    }
    if (sharedExperts() < 0) {
      v.invalid(FieldPath.of("sharedExperts"), sharedExperts(), "must not be negative");
    }
    if (denseLayers() < 0) {
      v.invalid(FieldPath.of("denseLayers"), denseLayers(), "must not be negative");
    }
    v.throwIfAny();
  }

  /** Builder for {@link MoeSpec}. */
  public static final class Builder extends ImmutableMoeSpec.Builder {}
}
