package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.GangOwner;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/** One gang's outcome: fits or not, how many pods were placed (with its bound pods, never fewer than minCount when it fits), and why not. */
@Value.Immutable
public abstract class GangResult {
  public abstract String name();

  public abstract String namespace();

  public abstract GangKind kind();

  /** The object the gang belongs to, as given on the {@link dev.aiinfra.scheduling.model.Gang}. */
  public abstract Optional<GangOwner> owner();

  public abstract int minCount();

  /**
   * Pods placed: 0 when the gang does not fit (all or nothing); when it does, at least minCount
   * minus the group's pods already bound ({@link dev.aiinfra.scheduling.model.Gang#boundMembers()}).
   */
  public abstract int placed();

  public abstract boolean fits();

  public abstract List<PodSetResult> podSets();

  public abstract List<Diagnostic> reasons();

  /** For a gang submitted to a Kueue LocalQueue with its ClusterQueue in the input: the queues, flavors and quota. */
  public abstract Optional<QueueAdmission> admission();

  /**
   * Names the gang uniquely: {@code namespace/ownerKind/ownerName/group} ({@code
   * ml/JobSet/train/workers}, {@code ml/PodGroup/train-workers}), or {@code namespace/name} without
   * an owner.
   */
  public String id() {
    return namespace() + "/" + owner().map(GangOwner::path).orElse(name());
  }

  /**
   * The gang API that schedules the pods together: {@code kueue}, {@code workload} (native {@code
   * scheduling.k8s.io}), {@code coscheduling}, {@code volcano}, or {@code none} when no Workload,
   * PodGroup or Kueue queue groups them (the pods of one controller, or a lone Pod): they are placed
   * here all or nothing, but the scheduler would place them one by one.
   */
  public String gangApi() {
    boolean undeclared = kind() == GangKind.WORKLOAD && owner().isPresent() && !owner().get().declaresGang();
    return undeclared ? "none" : kind().name().toLowerCase(Locale.ROOT);
  }

  /**
   * Where the gang landed, one entry per topology domain ({@code block-1/rack-2/host-3=4}, the
   * domain's values from the top level joined by slashes, then its pod count) or, without a
   * topology assignment, per node in placement order; empty when it does not fit.
   */
  public List<String> where() {
    List<String> domains = podSets().stream()
        .flatMap(ps -> ps.topologyAssignment().stream())
        .flatMap(a -> a.domains().stream())
        .map(d -> String.join("/", d.values()) + "=" + d.count())
        .toList();
    if (!domains.isEmpty()) {
      return domains;
    }
    return podSets().stream().flatMap(ps -> ps.placements().stream()).map(PodNode::node).distinct().toList();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link GangResult}. */
  public static final class Builder extends ImmutableGangResult.Builder {}
}
