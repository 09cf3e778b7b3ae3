package dev.aiinfra.scheduling.model.kueue;

import dev.aiinfra.core.model.quantity.Quantity;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One resource's quota in a ClusterQueue or Cohort flavor ({@code ResourceQuota}): the nominal
 * quota, and how much may be borrowed from ({@code borrowingLimit}) or lent to ({@code
 * lendingLimit}) the cohort; an absent limit means no limit.
 */
@Value.Immutable
public abstract class ResourceQuota implements WithResourceQuota {
  /** The resource, e.g. {@code nvidia.com/gpu}; must follow the group's {@code coveredResources} order. */
  public abstract String name();

  @Value.Default
  public Quantity nominalQuota() {
    return Quantity.ZERO;
  }

  public abstract Optional<Quantity> borrowingLimit();

  public abstract Optional<Quantity> lendingLimit();

  public static Builder builder() {
    return new Builder();
  }

  /** {@code name} with a nominal quota and no limits. */
  public static ResourceQuota of(String name, Quantity nominalQuota) {
    return builder().name(name).nominalQuota(nominalQuota).build();
  }

  /** {@code name} with a nominal quota given as API text ({@code 64}, {@code 512Gi}). */
  public static ResourceQuota of(String name, String nominalQuota) {
    return of(name, Quantity.parse(nominalQuota));
  }

  /** Builder for {@link ResourceQuota}. */
  public static final class Builder extends ImmutableResourceQuota.Builder {}
}
