package dev.aiinfra.core.cluster;

import java.util.Optional;
import org.immutables.value.Value;

/** One object's outcome: identity, result, why (for failed and skipped objects), and tries made. */
@Value.Immutable
public abstract class ApplyOutcome {
  public abstract String apiVersion();

  public abstract String kind();

  /** Empty for cluster-scoped objects. */
  public abstract String namespace();

  public abstract String name();

  public abstract ApplyResult result();

  public abstract Optional<String> reason();

  @Value.Default
  public int attempts() {
    return 0;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ApplyOutcome}. */
  static final class Builder extends ImmutableApplyOutcome.Builder {}
}
