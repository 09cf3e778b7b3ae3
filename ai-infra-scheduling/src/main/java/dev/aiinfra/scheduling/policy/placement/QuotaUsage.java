package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.quantity.Quantity;
import org.immutables.value.Value;

/**
 * One (flavor, resource) quota of a ClusterQueue after a gang: what the gang requested of it, what
 * the queue uses with every admitted gang counted, its nominal quota, and how much of the use is
 * borrowed from the cohort (use above nominal).
 */
@Value.Immutable
public abstract class QuotaUsage {
  public abstract String flavor();

  public abstract String resource();

  public abstract Quantity requested();

  public abstract Quantity used();

  public abstract Quantity nominal();

  public abstract Quantity borrowed();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link QuotaUsage}. */
  public static final class Builder extends ImmutableQuotaUsage.Builder {}
}
