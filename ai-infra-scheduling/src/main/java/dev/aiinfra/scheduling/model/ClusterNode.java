package dev.aiinfra.scheduling.model;

import dev.aiinfra.core.model.inventory.NodeState;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.quantity.ResourceList;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A node as the gang simulators see it: name, labels, taints, whether it is schedulable and
 * Ready, and its {@code status.allocatable} (extended resources such as {@code nvidia.com/gpu}
 * included; {@code pods} is a resource like any other). A view of the cluster model's {@link
 * NodeState}: {@link #of(NodeState)}.
 */
@Value.Immutable
public abstract class ClusterNode implements WithClusterNode {
  public abstract String name();

  public abstract Map<String, String> labels();

  public abstract List<Taint> taints();

  @Value.Default
  public boolean unschedulable() {
    return false;
  }

  @Value.Default
  public boolean ready() {
    return true;
  }

  public abstract ResourceList allocatable();

  public static Builder builder() {
    return new Builder();
  }

  /** The node of the cluster model as placement sees it (Ready from its {@code Ready} condition). */
  public static ClusterNode of(NodeState node) {
    return builder().name(node.name()).labels(node.labels()).taints(node.taints()).unschedulable(node.unschedulable())
        .ready(node.ready()).allocatable(node.allocatable()).build();
  }

  /** Builder for {@link ClusterNode}. */
  public static final class Builder extends ImmutableClusterNode.Builder {}
}
