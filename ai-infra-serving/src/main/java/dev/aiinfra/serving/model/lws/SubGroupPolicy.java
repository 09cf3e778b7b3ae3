package dev.aiinfra.serving.model.lws;

import org.immutables.value.Value;

/**
 * {@code leaderWorkerTemplate.subGroupPolicy}: splits each group into sub-groups of {@code size}
 * pods (e.g. one per node of a multi-node tensor-parallel worker), with or without the leader.
 */
@Value.Immutable
public abstract class SubGroupPolicy {
  /** How the leader takes part in sub-groups. */
  public enum Type {
    LeaderWorker,
    LeaderExcluded
  }

  @Value.Default
  public Type type() {
    return Type.LeaderWorker;
  }

  public abstract int size();

  public static SubGroupPolicy of(Type type, int size) {
    return ImmutableSubGroupPolicy.builder().type(type).size(size).build();
  }
}
