package dev.aiinfra.serving.model.pd;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import org.immutables.value.Value;

/** The request shape to plan for: input (prompt) length, output length and the prompt prefix served from the prefix cache. */
@Value.Immutable
public abstract class Traffic implements WithTraffic {
  /** Input sequence length in tokens (AIConfigurator's {@code --isl}). */
  public abstract int inputTokens();

  /** Output sequence length in tokens ({@code --osl}). */
  public abstract int outputTokens();

  /** Leading prompt tokens already in the prefix cache ({@code --prefix}); prefill skips them. */
  @Value.Default
  public int prefixTokens() {
    return 0;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static Traffic of(int inputTokens, int outputTokens) {
    return builder().inputTokens(inputTokens).outputTokens(outputTokens).build();
  }

  /** Prompt tokens prefill actually computes. */
  public int newInputTokens() {
    return inputTokens() - prefixTokens();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (inputTokens() < 1) {
      v.invalid(FieldPath.of("inputTokens"), inputTokens(), "must be at least 1");
    }
    if (outputTokens() < 2) {
      v.invalid(FieldPath.of("outputTokens"), outputTokens(), "must be at least 2 (TPOT is measured between output tokens)");
    }
    if (prefixTokens() < 0 || (inputTokens() >= 1 && prefixTokens() >= inputTokens())) {
      v.invalid(FieldPath.of("prefixTokens"), prefixTokens(), "must be between 0 and inputTokens - 1");
    }
    v.throwIfAny();
  }

  /** Builder for {@link Traffic}. */
  public static final class Builder extends ImmutableTraffic.Builder {}
}
