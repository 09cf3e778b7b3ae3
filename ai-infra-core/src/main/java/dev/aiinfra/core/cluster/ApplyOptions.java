package dev.aiinfra.core.cluster;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * How to apply: field manager ({@code ai-infra} by default), whether to take over conflicting
 * fields ({@code --force-conflicts}), dry run, and the retry budget for transient failures (429,
 * 5xx, timeouts): at most {@link #maxAttempts()} tries per object with exponential backoff from
 * {@link #initialBackoff()} capped at {@link #maxBackoff()}, or longer when the server asks for it
 * with {@code Retry-After}. An applied CustomResourceDefinition is waited for until it is
 * Established, at most {@link #establishTimeout()}, before the objects after it are applied.
 */
@Value.Immutable
public abstract class ApplyOptions implements WithApplyOptions {
  @Value.Default
  public String fieldManager() {
    return "ai-infra";
  }

  @Value.Default
  public boolean forceConflicts() {
    return false;
  }

  @Value.Default
  public DryRun dryRun() {
    return DryRun.NONE;
  }

  @Value.Default
  public int maxAttempts() {
    return 5;
  }

  @Value.Default
  public Duration initialBackoff() {
    return Duration.ofMillis(200);
  }

  @Value.Default
  public Duration maxBackoff() {
    return Duration.ofSeconds(5);
  }

  @Value.Default
  public Duration establishTimeout() {
    return Duration.ofSeconds(30);
  }

  @Value.Default
  @Value.Auxiliary
  public Sleeper sleeper() {
    return Sleeper.real();
  }

  public static Builder builder() {
    return new Builder();
  }

  public static ApplyOptions defaults() {
    return builder().build();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (fieldManager().isEmpty() || fieldManager().length() > 128) {
      v.invalid(FieldPath.of("fieldManager"), fieldManager(), "must be 1 to 128 characters");
    }
    if (maxAttempts() < 1) {
      v.invalid(FieldPath.of("maxAttempts"), maxAttempts(), "must be at least 1");
    }
    if (initialBackoff().isNegative() || maxBackoff().compareTo(initialBackoff()) < 0) {
      v.invalid(FieldPath.of("maxBackoff"), maxBackoff(), "must be at least initialBackoff, which must not be negative");
    }
    if (establishTimeout().isNegative()) {
      v.invalid(FieldPath.of("establishTimeout"), establishTimeout(), "must not be negative");
    }
    v.throwIfAny();
  }

  /** Builder for {@link ApplyOptions}. */
  public static final class Builder extends ImmutableApplyOptions.Builder {}
}
