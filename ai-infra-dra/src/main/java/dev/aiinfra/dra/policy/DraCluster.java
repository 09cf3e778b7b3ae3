package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.core.model.inventory.NodeState;
import dev.aiinfra.dra.model.ClusterDevices;
import dev.aiinfra.dra.model.DeviceClassSpec;
import dev.aiinfra.dra.model.ResourceSliceSpec;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.immutables.value.Value;

/**
 * What the allocator reads about a cluster's hardware (Dynamic Resource Allocation, KEP-4381):
 * every ResourceSlice (all nodes, all generations), the DeviceClasses, and node labels for slice
 * node selectors. Built like every other value type:
 *
 * <pre>{@code
 * DraCluster.builder()
 *     .addClasses(gpuClass, nicClass)          // or addClass(c), addAllClasses(iterable)
 *     .addAllSlices(slices)                    // or addSlice(s), addSlices(s...)
 *     .putNode("node-a", Map.of("rack", "r1")) // or putAllNodes(map)
 *     .build();
 * DraCluster.builder().from(cluster).addSlice(extra).build();
 * }</pre>
 *
 * <p>The allocator's index of the one cluster model: {@link #of(Cluster)} takes the slices and
 * classes of its {@link ClusterDevices} part and the labels of its nodes. The builder stays for
 * callers that describe only the hardware.
 *
 * <p>A class listed twice under one name counts once, as its last entry (as a later {@code apply}
 * of a DeviceClass replaces the earlier one). Indexed once, lazily, by node and by (driver, pool).
 */
@Value.Immutable
public abstract class DraCluster {
  /** Every ResourceSlice, in input order. */
  public abstract List<ResourceSliceSpec> slices();

  /** The DeviceClasses as given; {@link #deviceClasses()} keeps one per name. */
  public abstract List<DeviceClassSpec> classes();

  /** Described nodes: name to labels (nodes named only by a slice's {@code nodeName} need no entry). */
  public abstract Map<String, Map<String, String>> nodes();

  public static Builder builder() {
    return new Builder();
  }

  /** The DRA view of {@code cluster}: its {@link ClusterDevices} (none when absent) and its nodes' labels. */
  public static DraCluster of(Cluster cluster) {
    ClusterDevices devices = ClusterDevices.of(cluster);
    Builder b = builder().addAllSlices(devices.slices()).addAllClasses(devices.classes());
    for (NodeState n : cluster.nodes()) {
      b.putNode(n.name(), n.labels());
    }
    return b.build();
  }

  /** The indexes, built on first use; not part of the value (equality, {@code toString}). */
  @Value.Lazy
  DraClusterIndex index() {
    return new DraClusterIndex(slices(), classes(), nodes());
  }

  public Optional<DeviceClassSpec> deviceClass(String name) {
    return Optional.ofNullable(index().classes.get(name));
  }

  /** One DeviceClass per name (the last one given), in the order names first appear. */
  public Collection<DeviceClassSpec> deviceClasses() {
    return Collections.unmodifiableCollection(index().classes.values());
  }

  /** A node's labels (empty when the node was not described). */
  public Map<String, String> nodeLabels(String node) {
    return nodes().getOrDefault(node, Map.of());
  }

  /** Nodes named by a slice's {@code nodeName} or described with labels, in name order. */
  public SortedSet<String> nodeNames() {
    return index().nodeNames();
  }

  /**
   * Slices a node may see: those with its {@code nodeName}, all without a node name, and every
   * slice of shared counters (kube-scheduler considers counter slices for every node, whatever
   * node they name, so their pool is visible there too).
   */
  List<ResourceSliceSpec> candidateSlices(String node) {
    return index().candidateSlices(node);
  }

  /** Every slice of a pool, on any node and of any generation. */
  List<ResourceSliceSpec> poolSlices(PoolKey pool) {
    return index().byPool.getOrDefault(pool, List.of());
  }

  /** Builder for {@link DraCluster}. */
  public static final class Builder extends ImmutableDraCluster.Builder {}
}
