package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.node.NodeSelectorTerm;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A claim's allocation ({@code status.allocation}): the devices and the node selector that says
 * where a pod using them may run (empty: any node).
 */
@Value.Immutable
public abstract class AllocationResult {
  public abstract List<DeviceResult> results();

  public abstract Optional<NodeSelectorTerm> nodeSelector();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link AllocationResult}. */
  public static final class Builder extends ImmutableAllocationResult.Builder {}
}
