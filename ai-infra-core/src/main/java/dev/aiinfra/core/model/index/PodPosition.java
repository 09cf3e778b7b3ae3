package dev.aiinfra.core.model.index;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where a pod sits in its workload, as its labels tell: the workload kind and name, the group
 * (LWS group, JobSet job) and its index within it, and whether it leads the group.
 */
@Value.Immutable
public abstract class PodPosition {
  /** The controller that numbered the pod. */
  public enum Source {
    LEADER_WORKER_SET,
    JOB_SET,
    INDEXED_JOB,
    STATEFUL_SET
  }

  public abstract Source source();

  /** LWS, JobSet, Job or StatefulSet name, when the labels carry it. */
  public abstract Optional<String> workload();

  /** LWS group index or JobSet global job index; empty for a plain Job or StatefulSet. */
  public abstract Optional<Integer> group();

  /** Worker index, completion index or ordinal. */
  public abstract int index();

  /** Index 0 leads: the LWS leader, completion index 0, ordinal 0. */
  public boolean isLeader() {
    return index() == 0;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link PodPosition}. */
  static final class Builder extends ImmutablePodPosition.Builder {}
}
