package dev.aiinfra.scheduling.model.kueue;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.scheduling.model.Topology;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the GPU queue recipe derives a Kueue queue set with: the node label that tells accelerators
 * apart (one ResourceFlavor per value), the topology levels (detected from the nodes when empty), the
 * names of the queues, the LocalQueue's namespace and an optional cohort.
 */
@Value.Immutable
public abstract class QueueRecipeOptions implements WithQueueRecipeOptions {
  /** The label GPU Feature Discovery puts on NVIDIA GPU nodes, e.g. {@code NVIDIA-H100-80GB-HBM3}. */
  public static final String NVIDIA_GPU_PRODUCT = "nvidia.com/gpu.product";

  @Value.Default
  public String acceleratorLabel() {
    return NVIDIA_GPU_PRODUCT;
  }

  /** Topology levels from the top to the lowest; empty: the first known set the nodes all carry, else the hostname. */
  public abstract List<String> topologyLevels();

  /** The ClusterQueue's and the LocalQueue's name. */
  @Value.Default
  public String queueName() {
    return "gpu";
  }

  /** The LocalQueue's namespace. */
  @Value.Default
  public String namespace() {
    return "default";
  }

  /** A cohort to join (a Cohort object is derived too); none by default. */
  public abstract Optional<String> cohort();

  /** The Topology's name: {@code <queueName>-topology}. */
  public String topologyName() {
    return queueName() + "-topology";
  }

  public static Builder builder() {
    return new Builder();
  }

  public static QueueRecipeOptions defaults() {
    return builder().build();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("acceleratorLabel"), acceleratorLabel(), NameRules.qualifiedName(acceleratorLabel()));
    // the Topology's name adds 9 characters to the queue's
    v.checkName(FieldPath.of("queueName"), queueName(), NameRules.dns1123Subdomain(topologyName()).isEmpty()
        ? NameRules.dns1123Subdomain(queueName()) : NameRules.dns1123Subdomain(topologyName()));
    v.checkName(FieldPath.of("namespace"), namespace(), NameRules.dns1123Label(namespace()));
    cohort().ifPresent(c -> v.checkName(FieldPath.of("cohort"), c, NameRules.dns1123Subdomain(c)));
    if (!topologyLevels().isEmpty()) {
      try {
        Topology.of(topologyName(), topologyLevels());
      } catch (InvalidSpecException e) {
        e.violations().forEach(x -> v.add(x.under(FieldPath.of("topologyLevels"))));
      }
    }
    v.throwIfAny();
  }

  /** Builder for {@link QueueRecipeOptions}. */
  public static final class Builder extends ImmutableQueueRecipeOptions.Builder {}
}
