package dev.aiinfra.scheduling.model.kueue;

import dev.aiinfra.scheduling.model.Topology;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The Kueue objects of one installation or input, by kind, each list in input order: what {@code
 * KueueReader} reads, what the GPU queue recipe derives, what the renderer writes as one bundle.
 */
@Value.Immutable
public abstract class KueueObjects implements WithKueueObjects {
  public abstract List<ResourceFlavor> resourceFlavors();

  public abstract List<Topology> topologies();

  public abstract List<Cohort> cohorts();

  public abstract List<ClusterQueue> clusterQueues();

  public abstract List<LocalQueue> localQueues();

  public abstract List<WorkloadPriorityClass> workloadPriorityClasses();

  public static Builder builder() {
    return new Builder();
  }

  public static KueueObjects empty() {
    return builder().build();
  }

  public boolean isEmpty() {
    return resourceFlavors().isEmpty() && topologies().isEmpty() && cohorts().isEmpty()
        && clusterQueues().isEmpty() && localQueues().isEmpty() && workloadPriorityClasses().isEmpty();
  }

  public Optional<ResourceFlavor> resourceFlavor(String name) {
    return resourceFlavors().stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public Optional<Topology> topology(String name) {
    return topologies().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<ClusterQueue> clusterQueue(String name) {
    return clusterQueues().stream().filter(q -> q.name().equals(name)).findFirst();
  }

  public Optional<LocalQueue> localQueue(String namespace, String name) {
    return localQueues().stream().filter(q -> q.namespace().equals(namespace) && q.name().equals(name)).findFirst();
  }

  public Optional<Cohort> cohort(String name) {
    return cohorts().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public Optional<WorkloadPriorityClass> workloadPriorityClass(String name) {
    return workloadPriorityClasses().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** Builder for {@link KueueObjects}. */
  public static final class Builder extends ImmutableKueueObjects.Builder {}
}
