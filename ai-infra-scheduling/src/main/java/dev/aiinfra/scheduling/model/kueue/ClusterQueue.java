package dev.aiinfra.scheduling.model.kueue;

import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.quantity.Quantity;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Kueue {@code ClusterQueue}: the quota (resource groups of flavors with nominal quotas and
 * borrowing/lending limits), the cohort it shares quota with, its preemption and flavor-fungibility
 * policies, the namespaces allowed to use it, the admission checks it requires, its queueing
 * strategy, stop policy and fair-sharing weight. Defaults are those Kueue's CRD applies.
 */
@Value.Immutable
public abstract class ClusterQueue implements WithClusterQueue {
  /** {@code metadata.name}; LocalQueues point at it. */
  public abstract String name();

  /** Tried in order for each resource; each resource and each flavor in at most one group. */
  public abstract List<ResourceGroup> resourceGroups();

  /** {@code spec.cohortName}: the cohort whose unused quota this queue may borrow. */
  public abstract Optional<String> cohortName();

  @Value.Default
  public QueueingStrategy queueingStrategy() {
    return QueueingStrategy.BestEffortFIFO;
  }

  /**
   * Namespaces whose LocalQueues may submit. Absent: none (Kueue's "nothing" selector); an empty
   * selector: every namespace.
   */
  public abstract Optional<LabelSelector> namespaceSelector();

  @Value.Default
  public FlavorFungibility flavorFungibility() {
    return FlavorFungibility.defaults();
  }

  @Value.Default
  public Preemption preemption() {
    return Preemption.never();
  }

  /** {@code admissionChecksStrategy.admissionChecks}: checks a workload must pass before it is admitted. */
  public abstract List<AdmissionCheckRule> admissionChecks();

  @Value.Default
  public StopPolicy stopPolicy() {
    return StopPolicy.None;
  }

  /** {@code fairSharing.weight}; absent means Kueue's default of 1. */
  public abstract Optional<Quantity> fairSharingWeight();

  public static Builder builder() {
    return new Builder();
  }

  /** Every flavor named by the resource groups, in order. */
  public List<String> flavorNames() {
    return resourceGroups().stream().flatMap(g -> g.flavors().stream()).map(FlavorQuotas::name).toList();
  }

  /** The resource group covering {@code resource}, if any. */
  public Optional<ResourceGroup> groupCovering(String resource) {
    return resourceGroups().stream().filter(g -> g.coveredResources().contains(resource)).findFirst();
  }

  /** Builder for {@link ClusterQueue}; {@code from(...)} copies an existing one. */
  public static final class Builder extends ImmutableClusterQueue.Builder {}
}
