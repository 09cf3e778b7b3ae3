package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.kueue.KueueObjects;
import dev.aiinfra.scheduling.model.kueue.ResourceFlavor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster prepared for placement: capacity as arrays and Kueue's domain tree, built once (as
 * Kueue caches its topology tree and kube-scheduler its snapshot) and reused for any number of
 * {@link #place} calls, each of which starts from the snapshot's free capacity. Immutable and safe
 * to share between threads.
 */
public final class PlacementSnapshot {
  private final ClusterState state;
  private final PlacementOptions options;
  private final NodeTable base;
  private final TopologyTree tree;
  private final Map<String, TopologyTree> flavorTrees;

  private PlacementSnapshot(ClusterState state, PlacementOptions options, List<Gang> expected) {
    this.state = state;
    this.options = options;
    this.base = new NodeTable(state, expected);
    this.tree = new TopologyTree(options.topology(), base, options.flavorNodeLabels());
    this.flavorTrees = flavorTrees(options.kueue(), base);
  }

  /** One domain tree per TAS ResourceFlavor whose Topology is given: its topology over the nodes with its labels. */
  private static Map<String, TopologyTree> flavorTrees(KueueObjects kueue, NodeTable table) {
    Map<String, TopologyTree> trees = new LinkedHashMap<>();
    for (ResourceFlavor f : kueue.resourceFlavors()) {
      f.topologyName().flatMap(kueue::topology).ifPresent(t -> trees.put(f.name(), new TopologyTree(t, table, f.nodeLabels())));
    }
    return trees;
  }

  /** Builds the snapshot; resources first requested by later gangs are handled, at the cost of a rebuild. */
  public static PlacementSnapshot of(ClusterState state, PlacementOptions options) {
    return new PlacementSnapshot(state, options, List.of());
  }

  /** The snapshot of the one cluster model: its nodes, and what its bound pods use. */
  public static PlacementSnapshot of(Cluster cluster, PlacementOptions options) {
    return of(ClusterState.of(cluster), options);
  }

  static PlacementSnapshot of(ClusterState state, PlacementOptions options, List<Gang> gangs) {
    return new PlacementSnapshot(state, options, gangs);
  }

  /** Places the gangs in order on a fresh copy of this snapshot's capacity. */
  public PlacementResult place(List<Gang> gangs) {
    if (!base.covers(gangs)) {
      return new PlacementSnapshot(state, options, gangs).place(gangs);
    }
    NodeTable table = new NodeTable(base);
    return GangPlacement.placeOn(table, tree, flavorTrees, gangs, options, new InterPodAffinity(table, state.pods()));
  }

  public PlacementOptions options() {
    return options;
  }
}
