package dev.aiinfra.scheduling.model.kueue;

import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A ClusterQueue's preemption policy ({@code ClusterQueuePreemption}): whether a pending workload may
 * reclaim quota lent to the cohort, preempt while borrowing, and preempt inside its own queue.
 * Defaults are Kueue's: Never everywhere.
 */
@Value.Immutable
public abstract class Preemption implements WithPreemption {
  @Value.Default
  public PreemptionPolicy reclaimWithinCohort() {
    return PreemptionPolicy.Never;
  }

  @Value.Default
  public BorrowWithinCohortPolicy borrowWithinCohort() {
    return BorrowWithinCohortPolicy.Never;
  }

  /** Only workloads at or below this priority may be preempted by a borrowing workload. */
  public abstract OptionalInt maxPriorityThreshold();

  @Value.Default
  public PreemptionPolicy withinClusterQueue() {
    return PreemptionPolicy.Never;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Kueue's default: no preemption at all. */
  public static Preemption never() {
    return builder().build();
  }


  /** Builder for {@link Preemption}. */
  public static final class Builder extends ImmutablePreemption.Builder {}
}
