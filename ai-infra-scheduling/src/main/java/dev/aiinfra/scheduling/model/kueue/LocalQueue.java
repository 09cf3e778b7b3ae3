package dev.aiinfra.scheduling.model.kueue;

import dev.aiinfra.core.model.quantity.Quantity;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Kueue {@code LocalQueue}: the namespaced queue workloads name in {@code kueue.x-k8s.io/queue-name},
 * pointing at the ClusterQueue whose quota admits them.
 */
@Value.Immutable
public abstract class LocalQueue implements WithLocalQueue {
  public abstract String namespace();

  public abstract String name();

  /** {@code spec.clusterQueue}; immutable once created. */
  public abstract String clusterQueue();

  @Value.Default
  public StopPolicy stopPolicy() {
    return StopPolicy.None;
  }

  /** {@code fairSharing.weight} (admission fair sharing); absent means Kueue's default of 1. */
  public abstract Optional<Quantity> fairSharingWeight();

  public static Builder builder() {
    return new Builder();
  }

  public static LocalQueue of(String namespace, String name, String clusterQueue) {
    return builder().namespace(namespace).name(name).clusterQueue(clusterQueue).build();
  }

  /** Builder for {@link LocalQueue}. */
  public static final class Builder extends ImmutableLocalQueue.Builder {}
}
