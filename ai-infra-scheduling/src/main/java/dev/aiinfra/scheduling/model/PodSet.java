package dev.aiinfra.scheduling.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.node.NodeSelectorTerm;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Identical pods of one gang (Kueue PodSet): how many, what each requests (the effective request:
 * containers, init containers and overhead), where they may run (tolerations, nodeSelector,
 * required node affinity) and how they want topology. Pods of a group whose requests differ form
 * separate pod sets; {@link #groupName()} pairs a leader pod set with its workers.
 */
@Value.Immutable
public abstract class PodSet implements WithPodSet {
  public abstract String name();

  public abstract int count();

  /** One pod's effective requests; {@code pods: 1} is implied and added by the simulators. */
  public abstract ResourceList requests();

  public abstract List<Toleration> tolerations();

  public abstract Map<String, String> nodeSelector();

  /** Required node affinity terms (ORed); empty means any node. */
  public abstract List<NodeSelectorTerm> requiredAffinity();

  public abstract Optional<TopologyRequest> topology();

  /** Kueue {@code podset-group-name}: pod sets sharing it are placed together (leader + workers). */
  public abstract Optional<String> groupName();

  /** Pod names in rank order (index label order); generated as {@code <name>-<i>} when empty. */
  public abstract List<String> podNames();

  /**
   * Each pod's labels and required inter-pod (anti-)affinity terms, in rank order; empty when no pod
   * has labels or terms. Pods of one set may differ here (a JobSet leader carries the exclusive
   * terms its followers lack), since these do not change which nodes fit by resources.
   */
  public abstract List<InterPodRules> interPod();

  public static Builder builder() {
    return new Builder();
  }

  /** The labels and terms of the pod at {@code rank}. */
  public InterPodRules interPod(int rank) {
    return interPod().isEmpty() ? InterPodRules.none() : interPod().get(rank);
  }

  /** The name of the pod at {@code rank}. */
  public String podName(int rank) {
    return podNames().isEmpty() ? name() + "-" + rank : podNames().get(rank);
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (count() < 1) {
      v.invalid(FieldPath.of("count"), count(), "must be at least 1");
    }
    if (!podNames().isEmpty() && podNames().size() != count()) {
      v.invalid(FieldPath.of("podNames"), podNames().size(), "must list exactly count (" + count() + ") names");
    }
    if (!interPod().isEmpty() && interPod().size() != count()) {
      v.invalid(FieldPath.of("interPod"), interPod().size(), "must list exactly count (" + count() + ") entries, or none");
    }
    topology().ifPresent(t -> v.nested(FieldPath.of("topology"), t));
    for (var e : requests().asMap().entrySet()) {
      if (e.getValue().signum() < 0) {
        v.invalid(FieldPath.of("requests").key(e.getKey()), e.getValue(), "must not be negative");
      }
    }
    v.throwIfAny();
  }

  /** Builder for {@link PodSet}. */
  public static final class Builder extends ImmutablePodSet.Builder {}
}
