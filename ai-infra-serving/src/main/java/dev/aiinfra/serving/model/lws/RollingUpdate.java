package dev.aiinfra.serving.model.lws;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * {@code spec.rolloutStrategy} of type RollingUpdate: groups with index ≥ {@code partition} are
 * updated, at most {@code maxUnavailable} groups down and {@code maxSurge} extra groups at a time
 * (each an integer or a percentage; the webhook defaults to 1 and 0).
 */
@Value.Immutable
public abstract class RollingUpdate {
  public abstract Optional<Integer> partition();

  /** An integer or a percentage such as {@code 25%}; rounded down. */
  public abstract Optional<String> maxUnavailable();

  /** An integer or a percentage; rounded up and capped at replicas. */
  public abstract Optional<String> maxSurge();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link RollingUpdate}. */
  public static final class Builder extends ImmutableRollingUpdate.Builder {}
}
