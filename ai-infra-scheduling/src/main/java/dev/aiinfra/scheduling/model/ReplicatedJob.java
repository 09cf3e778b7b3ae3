package dev.aiinfra.scheduling.model;

import dev.aiinfra.core.model.workload.PodTemplate;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One replicated job of a JobSet: {@code replicas} Indexed Jobs of {@code parallelism} pods each
 * (completions defaults to parallelism), an optional {@code dependsOn} on an earlier replicated job,
 * and the Job fields in-place restart cares about.
 */
@Value.Immutable
public abstract class ReplicatedJob implements WithReplicatedJob {
  /** {@code dependsOn[].status}. */
  public enum DependencyStatus {
    Ready,
    Complete
  }

  public abstract String name();

  @Value.Default
  public int replicas() {
    return 1;
  }

  @Value.Default
  public int parallelism() {
    return 1;
  }

  /** Defaults to {@link #parallelism()}. */
  @Value.Default
  public int completions() {
    return parallelism();
  }

  public abstract Optional<Integer> backoffLimit();

  /** {@code TerminatingOrFailed} or {@code Failed}. */
  public abstract Optional<String> podReplacementPolicy();

  public abstract Optional<String> groupName();

  /** The earlier replicated job this one waits for, and for what. */
  public abstract Map<String, DependencyStatus> dependsOn();

  public abstract PodTemplate podTemplate();

  /**
   * Exclusive placement for this replicated job only ({@code alpha.jobset.sigs.k8s.io/exclusive-topology}
   * on its Job template, which wins over the JobSet's): each of its Jobs gets a domain of this node
   * label key to itself.
   */
  public abstract Optional<String> exclusiveTopology();

  public static Builder builder() {
    return new Builder();
  }

  /** Pods this replicated job runs at once: {@code replicas × min(parallelism, completions)}. */
  public int pods() {
    return replicas() * Math.min(parallelism(), completions());
  }

  /** Builder for {@link ReplicatedJob}. */
  public static final class Builder extends ImmutableReplicatedJob.Builder {}
}
