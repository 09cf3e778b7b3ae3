package dev.aiinfra.scheduling.model.kueue;

import dev.aiinfra.core.model.quantity.Quantity;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Kueue {@code Cohort} (hierarchical cohorts): a named pool ClusterQueues join by {@code
 * cohortName}, optionally inside a parent cohort, with quota of its own to share ({@code
 * resourceGroups}) and a fair-sharing weight.
 */
@Value.Immutable
public abstract class Cohort implements WithCohort {
  public abstract String name();

  /** {@code spec.parentName}; borrowing and lending limits need one. */
  public abstract Optional<String> parentName();

  public abstract List<ResourceGroup> resourceGroups();

  public abstract Optional<Quantity> fairSharingWeight();

  public static Builder builder() {
    return new Builder();
  }

  public static Cohort named(String name) {
    return builder().name(name).build();
  }

  /** Builder for {@link Cohort}. */
  public static final class Builder extends ImmutableCohort.Builder {}
}
