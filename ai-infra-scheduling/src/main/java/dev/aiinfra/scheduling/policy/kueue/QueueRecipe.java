package dev.aiinfra.scheduling.policy.kueue;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.scheduling.model.kueue.KueueObjects;
import java.util.List;
import java.util.Objects;

/**
 * What {@link GpuQueueRecipe} derived: the Kueue objects (empty when nothing could be derived), the
 * flavors with their nodes and quotas, the topology levels and where they came from ({@code given},
 * a known profile such as {@code gke}, or {@code hostname}), and notes and warnings.
 */
public record QueueRecipe(KueueObjects objects, List<RecipeFlavor> flavors, List<String> topologyLevels,
    String topologySource, List<Diagnostic> diagnostics) {
  public QueueRecipe {
    Objects.requireNonNull(objects, "objects");
    flavors = List.copyOf(flavors);
    topologyLevels = List.copyOf(topologyLevels);
    Objects.requireNonNull(topologySource, "topologySource");
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether a queue set was derived (no error). */
  public boolean derived() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  /** The covered resources, in order: cpu, memory, then the extended resources of the accelerator nodes. */
  public List<String> coveredResources() {
    return objects.clusterQueues().isEmpty() ? List.of()
        : objects.clusterQueues().get(0).resourceGroups().get(0).coveredResources();
  }
}
