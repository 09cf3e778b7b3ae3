package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.kueue.KueueObjects;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What the simulators need besides nodes and gangs: the Kueue Topology (levels top to bottom;
 * hostname only by default), the ResourceFlavor's node labels and tolerations, and whether
 * Kueue's {@code TASProfileMixed} gate is on (default on since v0.15: unconstrained requests use
 * LeastFreeCapacity).
 */
@Value.Immutable
public abstract class PlacementOptions implements WithPlacementOptions {
  @Value.Default
  public Topology topology() {
    return Topology.hostnameOnly();
  }

  public abstract Map<String, String> flavorNodeLabels();

  public abstract List<Toleration> flavorTolerations();

  /**
   * Kueue's queues, flavors and topologies (ClusterQueue, LocalQueue, Cohort, ResourceFlavor,
   * Topology): with ClusterQueues, Kueue gangs that name a LocalQueue are admitted against the
   * quota, each pod set on its assigned flavor's topology.
   */
  @Value.Default
  public KueueObjects kueue() {
    return KueueObjects.empty();
  }

  @Value.Default
  public boolean tasProfileMixed() {
    return true;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static PlacementOptions defaults() {
    return builder().build();
  }

  /** Builder for {@link PlacementOptions}. */
  public static final class Builder extends ImmutablePlacementOptions.Builder {}
}
