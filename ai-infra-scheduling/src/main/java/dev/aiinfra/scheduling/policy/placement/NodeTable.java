package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.PodSet;
import java.util.List;
import java.util.TreeSet;

/**
 * The nodes of a snapshot with allocatable and free capacity as arrays. Free capacity starts at
 * allocatable minus usage and shrinks as gangs are placed (assumed usage), so later gangs see
 * earlier ones.
 */
final class NodeTable {
  public final ResourceIndex resources;
  public final ClusterNode[] nodes;
  public final long[][] allocatable;
  public final long[][] free;

  /** A working copy: shares nodes and allocatable, copies free capacity. */
  NodeTable(NodeTable base) {
    this.resources = base.resources;
    this.nodes = base.nodes;
    this.allocatable = base.allocatable;
    this.free = new long[base.free.length][];
    for (int i = 0; i < free.length; i++) {
      free[i] = base.free[i].clone();
    }
  }

  /** Whether every resource the gangs request has a column (else the table must be rebuilt with them). */
  boolean covers(List<Gang> gangs) {
    for (Gang g : gangs) {
      for (PodSet p : g.podSets()) {
        for (String name : p.requests().names()) {
          if (resources.indexOf(name) < 0) {
            return false;
          }
        }
      }
    }
    return true;
  }

  public NodeTable(ClusterState state, List<Gang> gangs) {
    TreeSet<String> names = new TreeSet<>();
    java.util.Set<ResourceList> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (ClusterNode n : state.nodes()) {
      if (seen.add(n.allocatable())) {
        names.addAll(n.allocatable().names());
      }
    }
    for (Gang g : gangs) {
      for (PodSet p : g.podSets()) {
        names.addAll(p.requests().names());
      }
    }
    resources = new ResourceIndex(names);
    nodes = state.nodes().toArray(ClusterNode[]::new);
    allocatable = new long[nodes.length][];
    free = new long[nodes.length][];
    // Nodes of one shape usually share their allocatable object: convert each object once.
    java.util.Map<ResourceList, long[]> vectors = new java.util.IdentityHashMap<>();
    for (int i = 0; i < nodes.length; i++) {
      allocatable[i] = vectors.computeIfAbsent(nodes[i].allocatable(), resources::vector);
      ResourceList usedList = state.usage().get(nodes[i].name());
      long[] f = allocatable[i].clone();
      if (usedList != null) {
        long[] used = resources.vector(usedList);
        for (int r = 0; r < f.length; r++) {
          f[r] = CapacityMath.subtract(f[r], used[r]);
        }
      }
      free[i] = f;
    }
  }

  /** Whether the node is in play at all: Ready and schedulable. */
  public boolean usable(int node) {
    return nodes[node].ready() && !nodes[node].unschedulable();
  }

  /** How many pods of {@code request} fit in {@code free}; a resource requested at 0 is ignored. */
  public static int fitCount(long[] free, long[] request) {
    long best = Long.MAX_VALUE;
    for (int r = 0; r < request.length; r++) {
      if (request[r] > 0) {
        long n = Math.max(0, free[r]) / request[r];
        if (n < best) {
          best = n;
        }
      }
    }
    return best == Long.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, best);
  }

  /** {@link #fitCount} over exact sums, for domains whose nodes add up past int64. */
  static int fitCount(java.math.BigInteger[] free, long[] request) {
    java.math.BigInteger best = null;
    for (int r = 0; r < request.length; r++) {
      if (request[r] > 0) {
        java.math.BigInteger n = free[r].max(java.math.BigInteger.ZERO).divide(java.math.BigInteger.valueOf(request[r]));
        best = best == null ? n : best.min(n);
      }
    }
    return best == null ? Integer.MAX_VALUE : best.min(java.math.BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
  }

  /** The resource that limits {@link #fitCount}; ties go to the alphabetically smaller name. */
  public String limitingResource(long[] free, long[] request) {
    long best = Long.MAX_VALUE;
    int which = -1;
    for (int r = 0; r < request.length; r++) {
      if (request[r] > 0) {
        long n = Math.max(0, free[r]) / request[r];
        if (n < best) {
          best = n;
          which = r;
        }
      }
    }
    return which < 0 ? ResourceIndex.PODS : resources.name(which);
  }

  private final java.util.Map<Integer, long[]> journal = new java.util.HashMap<>();

  /** Starts recording changes to free capacity so that {@link #rollback()} can undo them. */
  public void checkpoint() {
    journal.clear();
  }

  /** Must be called before changing {@code free[node]} after a checkpoint. */
  public void touch(int node) {
    journal.computeIfAbsent(node, n -> free[n].clone());
  }

  /** Restores the free capacity of every node touched since the checkpoint. */
  public void rollback() {
    journal.forEach((n, before) -> free[n] = before);
    journal.clear();
  }

  public static void subtract(long[] free, long[] request, long times) {
    for (int r = 0; r < free.length; r++) {
      free[r] = CapacityMath.subtract(free[r], CapacityMath.multiply(request[r], times));
    }
  }
}
