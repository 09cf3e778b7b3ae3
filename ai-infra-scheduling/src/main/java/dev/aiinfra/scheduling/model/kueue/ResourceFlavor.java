package dev.aiinfra.scheduling.model.kueue;

import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.Toleration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A Kueue {@code ResourceFlavor}: which nodes a flavor's quota stands for ({@code nodeLabels}), the
 * taints those nodes carry, the tolerations Kueue adds to admitted pods, and the {@code Topology}
 * used for topology-aware scheduling (KEP-2724) when {@code topologyName} is set.
 */
@Value.Immutable
public abstract class ResourceFlavor implements WithResourceFlavor {
  /** {@code metadata.name}; ClusterQueues name the flavor by it. */
  public abstract String name();

  /** Labels of the nodes of this flavor; Kueue injects them as a nodeSelector into admitted pods. */
  public abstract Map<String, String> nodeLabels();

  /** Taints of the nodes of this flavor; a workload must tolerate them to be assigned the flavor. */
  public abstract List<Taint> nodeTaints();

  /** Tolerations Kueue adds to the pods admitted with this flavor. */
  public abstract List<Toleration> tolerations();

  /** The Topology for TAS; a flavor with a topology needs at least one node label. */
  public abstract Optional<String> topologyName();

  public static Builder builder() {
    return new Builder();
  }

  /** A flavor with only a name: every node, no topology. */
  public static ResourceFlavor named(String name) {
    return builder().name(name).build();
  }

  /** Builder for {@link ResourceFlavor}; {@code from(...)} copies an existing one. */
  public static final class Builder extends ImmutableResourceFlavor.Builder {}
}
