package dev.aiinfra.core.model.inventory;

import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.quantity.ResourceList;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A Node as the offline policies see it: {@code metadata.name} and labels, {@code spec.taints},
 * {@code spec.unschedulable}, {@code status.allocatable} (extended resources such as {@code
 * nvidia.com/gpu} included; {@code pods} is a resource like any other) and {@code
 * status.conditions} by type.
 */
@Value.Immutable
public abstract class NodeState implements WithNodeState {
  /** The {@code Ready} condition type. */
  public static final String READY = "Ready";

  public abstract String name();

  public abstract Map<String, String> labels();

  public abstract List<Taint> taints();

  @Value.Default
  public boolean unschedulable() {
    return false;
  }

  public abstract ResourceList allocatable();

  /** Condition type to status ({@code True}, {@code False}, {@code Unknown}), e.g. {@code Ready: True}. */
  public abstract Map<String, String> conditions();

  /**
   * Whether the node is Ready: its {@code Ready} condition is {@code True}, or it has none (a
   * hand-written inventory needs no status block).
   */
  public boolean ready() {
    String status = conditions().get(READY);
    return status == null || "True".equals(status);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link NodeState}. */
  public static final class Builder extends ImmutableNodeState.Builder {}
}
