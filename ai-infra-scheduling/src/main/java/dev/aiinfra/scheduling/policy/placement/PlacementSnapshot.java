package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import java.util.List;

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

  private PlacementSnapshot(ClusterState state, PlacementOptions options, List<Gang> expected) {
    this.state = state;
    this.options = options;
    this.base = new NodeTable(state, expected);
    this.tree = new TopologyTree(options.topology(), base, options.flavorNodeLabels());
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
    return GangPlacement.placeOn(table, tree, gangs, options, new InterPodAffinity(table, state.pods()));
  }

  public PlacementOptions options() {
    return options;
  }
}
