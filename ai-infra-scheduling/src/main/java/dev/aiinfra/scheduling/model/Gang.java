package dev.aiinfra.scheduling.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A group of pods that must start together: its pod sets, the minimum that must be placed
 * (Workload {@code gang.minCount}, PodGroup {@code minMember}; Kueue places the whole count), and
 * for native Workload gangs the single topology key of {@code schedulingConstraints}.
 */
@Value.Immutable
public abstract class Gang implements WithGang {
  public abstract String name();

  @Value.Default
  public String namespace() {
    return "default";
  }

  public abstract GangKind kind();

  public abstract List<PodSet> podSets();

  /** Defaults to every pod of every pod set. */
  @Value.Default
  public int minCount() {
    return totalPods();
  }

  /** Native Workload gangs: {@code schedulingConstraints.topology[0].key}. */
  public abstract Optional<String> topologyKey();

  /**
   * The Kueue LocalQueue the gang is submitted to ({@code kueue.x-k8s.io/queue-name}); with
   * ClusterQueues in the placement options, the gang is admitted against their quota first.
   */
  public abstract Optional<String> queueName();

  /** The object the gang belongs to (its Workload or PodGroup, or the controller of its pods); empty for a Kueue pod group of plain pods. */
  public abstract Optional<GangOwner> owner();

  /**
   * Pods of this group already bound, pod name to node name (from the cluster model). kube-scheduler
   * pins the rest of a topology-constrained group to their domain (KEP-5732) and counts them
   * towards minCount.
   */
  public abstract Map<String, String> boundMembers();

  public static Builder builder() {
    return new Builder();
  }

  public int totalPods() {
    return podSets().stream().mapToInt(PodSet::count).sum();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (podSets().isEmpty()) {
      v.required(FieldPath.of("podSets"), "a gang needs at least one pod set");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < podSets().size(); i++) {
      if (!names.add(podSets().get(i).name())) {
        v.duplicate(FieldPath.of("podSets").index(i).child("name"), podSets().get(i).name());
      }
    }
    if (minCount() < 1) {
      v.invalid(FieldPath.of("minCount"), minCount(), "must be at least 1");
    } else if (!podSets().isEmpty() && minCount() > totalPods() + boundMembers().size()) {
      v.invalid(FieldPath.of("minCount"), minCount(), "must not exceed the " + (totalPods() + boundMembers().size()) + " pods of the gang"
          + (boundMembers().isEmpty() ? "" : " (" + boundMembers().size() + " of them bound)"));
    }
    if (topologyKey().isPresent() && kind() != GangKind.WORKLOAD) {
      v.forbidden(FieldPath.of("topologyKey"), "only native Workload gangs carry a topology key; Kueue pod sets carry topology requests");
    }
    v.throwIfAny();
  }

  /** Builder for {@link Gang}. */
  public static final class Builder extends ImmutableGang.Builder {}
}
