package dev.aiinfra.core.model.inventory;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.validation.Violations;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One model of a cluster: its Nodes, the Pods bound to them, and the parts other modules model
 * (DRA's ResourceSlices, DeviceClasses and allocated ResourceClaims as {@code ClusterDevices}).
 * Placement ({@code ClusterState}, {@code PlacementSnapshot}) and allocation ({@code DraCluster})
 * are views built from it, so one cluster read once answers both.
 *
 * <pre>{@code
 * Cluster cluster = Cluster.builder()
 *     .addNode(NodeState.builder().name("gpu-1").allocatable(ResourceList.of("nvidia.com/gpu", "8")).build())
 *     .addPod(BoundPod.builder().name("trainer-0").node("gpu-1").requests(ResourceList.of("nvidia.com/gpu", "2")).build())
 *     .addPart(devices)    // e.g. dra's ClusterDevices
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class Cluster implements WithCluster {
  /** Nodes in input order; names are unique. */
  public abstract List<NodeState> nodes();

  /** Pods that occupy a node, in input order (a pod may name a node that is not described). */
  public abstract List<BoundPod> pods();

  /** State modelled by other modules, at most one part per type. */
  public abstract List<ClusterPart> parts();

  public static Builder builder() {
    return new Builder();
  }

  /** A cluster with nothing in it. */
  public static Cluster empty() {
    return builder().build();
  }

  public Optional<NodeState> node(String name) {
    return nodes().stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /** The part of that type, when one was added. */
  public <T extends ClusterPart> Optional<T> part(Class<T> type) {
    return parts().stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** A copy with {@code part} in place of any part of the same type. */
  public Cluster withPart(ClusterPart part) {
    List<ClusterPart> kept = new java.util.ArrayList<>(parts().stream().filter(p -> p.getClass() != part.getClass()).toList());
    kept.add(part);
    return withParts(kept);
  }

  /**
   * Node name to what its bound pods use (the sum of {@link BoundPod#usage()}), for every node a
   * pod names, in the order the nodes are first named.
   */
  @Value.Lazy
  public Map<String, ResourceList> usage() {
    Map<String, ResourceList> used = new LinkedHashMap<>();
    for (BoundPod p : pods()) {
      used.merge(p.node(), p.usage(), ResourceList::plus);
    }
    return Collections.unmodifiableMap(used);
  }

  /** What the pods bound to {@code node} use (empty when none). */
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
    Set<Class<?>> types = new HashSet<>();
    for (int i = 0; i < parts().size(); i++) {
      if (!types.add(parts().get(i).getClass())) {
        v.duplicate(FieldPath.of("parts").index(i), parts().get(i).getClass().getSimpleName());
      }
    }
    v.throwIfAny();
  }

  /** Builder for {@link Cluster}. */
  public static final class Builder extends ImmutableCluster.Builder {}
}
