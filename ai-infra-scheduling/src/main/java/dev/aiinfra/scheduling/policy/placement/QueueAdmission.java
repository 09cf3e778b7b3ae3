package dev.aiinfra.scheduling.policy.placement;

import java.util.List;
import org.immutables.value.Value;

/**
 * How Kueue admitted (or refused) a gang submitted to a LocalQueue: the LocalQueue and its
 * ClusterQueue, the flavor chosen for each resource of each pod set (in the queue's flavor order,
 * Kueue's flavor assignment), and the ClusterQueue's quota with this gang counted. Empty flavors when
 * the gang was not admitted.
 */
@Value.Immutable
public abstract class QueueAdmission {
  public abstract String localQueue();

  public abstract String clusterQueue();

  /** Empty when the LocalQueue names no ClusterQueue in the input. */
  public abstract List<FlavorAssignment> flavors();

  /** Every (flavor, resource) quota of the ClusterQueue, in its resource-group order. */
  public abstract List<QuotaUsage> quota();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link QueueAdmission}. */
  public static final class Builder extends ImmutableQueueAdmission.Builder {}
}
