package dev.aiinfra.scheduling.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.inventory.BoundPod;
import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.validation.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A cluster snapshot for placement: the nodes and what bound pods already use on each (the sum of
 * their effective requests plus {@code pods: 1} per pod, as kube-scheduler and Kueue count it).
 *
 * <p>The placement view of the one cluster model: {@link #of(Cluster)}. The builder stays for
 * callers that describe usage per node directly, without pods.
 */
@Value.Immutable
public abstract class ClusterState {
  public abstract List<ClusterNode> nodes();

  /** Node name to resources already in use. */
  public abstract Map<String, ResourceList> usage();

  /**
   * The bound pods with their labels and anti-affinity terms, for kube-scheduler's InterPodAffinity
   * filter (their usage is in {@link #usage()}). Empty for a state built from usage alone.
   */
  public abstract List<BoundPod> pods();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link ClusterState}. */
  public static final class Builder extends ImmutableClusterState.Builder {}

  public static ClusterState of(List<ClusterNode> nodes) {
    return builder().nodes(nodes).build();
  }

  /** The cluster's nodes and, per node, what its bound pods use ({@link Cluster#usage()}). */
  public static ClusterState of(Cluster cluster) {
    return builder().nodes(cluster.nodes().stream().map(ClusterNode::of).toList()).usage(cluster.usage()).pods(cluster.pods()).build();
  }

  public ResourceList used(String node) {
    return usage().getOrDefault(node, ResourceList.empty());
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < nodes().size(); i++) {
      if (!names.add(nodes().get(i).name())) {
        v.duplicate(FieldPath.of("nodes").index(i).child("name"), nodes().get(i).name());
      }
    }
    v.throwIfAny();
  }
}
