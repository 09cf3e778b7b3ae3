package dev.aiinfra.scheduling.policy.placement;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where one pod set went: its topology assignment (when a topology applies) and, when leaves are
 * nodes, a pod → node placement. Empty when the gang did not fit.
 */
@Value.Immutable
public abstract class PodSetResult {
  public abstract String name();

  public abstract int count();

  public abstract Optional<TopologyAssignment> topologyAssignment();

  public abstract List<PodNode> placements();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link PodSetResult}. */
  public static final class Builder extends ImmutablePodSetResult.Builder {}
}
