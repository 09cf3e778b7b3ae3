package dev.aiinfra.scheduling.policy.placement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Kueue's quota arithmetic ({@code pkg/cache/scheduler/resource_node.go} at v0.19): ClusterQueues
 * and Cohorts form a tree; every node has nominal quotas per (flavor, resource) with optional
 * borrowing and lending limits. A ClusterQueue lends everything above its local part ({@code
 * nominal − lendingLimit}, or nothing kept local without a lending limit) to its cohort, which
 * pools what its children lend plus its own quota; usage beyond the local part is stored in the
 * parent. {@link #available} is what can be admitted now, {@link #potentialAvailable} the most that
 * could ever be (with the whole cohort idle). Amounts saturate at {@link Long#MAX_VALUE} as Kueue's
 * {@code Amount} does.
 */
final class QuotaTree {
  /** A flavor and a resource: the unit of quota. */
  record FlavorResource(String flavor, String resource) {}

  /** One (flavor, resource) quota of a node; limits absent when unset. */
  record Quota(long nominal, OptionalLong borrowingLimit, OptionalLong lendingLimit) {}

  /** A ClusterQueue or Cohort. */
  static final class Node {
    final String name;
    final boolean clusterQueue;
    Node parent;
    final List<Node> children = new ArrayList<>();
    final Map<FlavorResource, Quota> quotas = new LinkedHashMap<>();
    final Map<FlavorResource, Long> subtree = new HashMap<>();
    final Map<FlavorResource, Long> usage = new HashMap<>();

    Node(String name, boolean clusterQueue) {
      this.name = name;
      this.clusterQueue = clusterQueue;
    }

    long subtree(FlavorResource fr) {
      return subtree.getOrDefault(fr, 0L);
    }

    long usage(FlavorResource fr) {
      return usage.getOrDefault(fr, 0L);
    }

    /** The part of the subtree quota kept from the parent: {@code subtree − lendingLimit}, 0 without a lending limit. */
    long localQuota(FlavorResource fr) {
      Quota q = quotas.get(fr);
      if (q == null || q.lendingLimit().isEmpty()) {
        return 0;
      }
      return Math.max(0, CapacityMath.subtract(subtree(fr), q.lendingLimit().getAsLong()));
    }

    long localAvailable(FlavorResource fr) {
      return Math.max(0, CapacityMath.subtract(localQuota(fr), usage(fr)));
    }
  }

  private final Map<String, Node> clusterQueues = new LinkedHashMap<>();
  private final Map<String, Node> cohorts = new LinkedHashMap<>();

  Node clusterQueue(String name) {
    return clusterQueues.computeIfAbsent(name, n -> new Node(n, true));
  }

  Node cohort(String name) {
    return cohorts.computeIfAbsent(name, n -> new Node(n, false));
  }

  Node findClusterQueue(String name) {
    return clusterQueues.get(name);
  }

  static void link(Node child, Node parent) {
    child.parent = parent;
    parent.children.add(child);
  }

  /**
   * Fills every subtree quota from the nominal quotas, bottom up ({@code updateCohortResourceNode}):
   * a ClusterQueue's subtree is its nominal quota; a cohort's is its own plus what each child lends.
   */
  void computeSubtrees() {
    for (Node cq : clusterQueues.values()) {
      cq.subtree.clear();
      cq.quotas.forEach((fr, q) -> cq.subtree.put(fr, q.nominal()));
    }
    for (Node cohort : cohorts.values()) {
      if (cohort.parent == null) {
        computeCohort(cohort, new java.util.HashSet<>());
      }
    }
  }

  private static void computeCohort(Node cohort, java.util.Set<Node> seen) {
    if (!seen.add(cohort)) {
      return;
    }
    cohort.subtree.clear();
    cohort.quotas.forEach((fr, q) -> cohort.subtree.put(fr, q.nominal()));
    for (Node child : cohort.children) {
      if (!child.clusterQueue) {
        computeCohort(child, seen);
      }
      for (Map.Entry<FlavorResource, Long> e : child.subtree.entrySet()) {
        long lent = CapacityMath.subtract(e.getValue(), child.localQuota(e.getKey()));
        cohort.subtree.merge(e.getKey(), lent, CapacityMath::add);
      }
    }
  }

  /** What the node can use now: its local part plus what its ancestors have free, capped by its borrowing limit. */
  static long available(Node node, FlavorResource fr) {
    return Math.max(0, availableRaw(node, fr));
  }

  private static long availableRaw(Node node, FlavorResource fr) {
    if (node.parent == null) {
      return CapacityMath.subtract(node.subtree(fr), node.usage(fr));
    }
    long parentAvailable = availableRaw(node.parent, fr);
    Quota q = node.quotas.get(fr);
    if (q != null && q.borrowingLimit().isPresent()) {
      long local = node.localQuota(fr);
      long storedInParent = CapacityMath.subtract(node.subtree(fr), local);
      long usedInParent = Math.max(0, CapacityMath.subtract(node.usage(fr), local));
      long withMaxFromParent = CapacityMath.add(CapacityMath.subtract(storedInParent, usedInParent), q.borrowingLimit().getAsLong());
      parentAvailable = Math.min(withMaxFromParent, parentAvailable);
    }
    return CapacityMath.add(node.localAvailable(fr), parentAvailable);
  }

  /** The largest amount the node could ever hold: its local part plus its ancestors' pool, capped by its borrowing limit. */
  static long potentialAvailable(Node node, FlavorResource fr) {
    if (node.parent == null) {
      return node.subtree(fr);
    }
    long avail = CapacityMath.add(node.localQuota(fr), potentialAvailable(node.parent, fr));
    Quota q = node.quotas.get(fr);
    if (q != null && q.borrowingLimit().isPresent()) {
      avail = Math.min(CapacityMath.add(node.subtree(fr), q.borrowingLimit().getAsLong()), avail);
    }
    return avail;
  }

  /** Adds usage to the node; what exceeds its free local part is stored in the parent, recursively. */
  static void addUsage(Node node, FlavorResource fr, long value) {
    long localAvailable = node.localAvailable(fr);
    node.usage.merge(fr, value, CapacityMath::add);
    if (node.parent != null && value > localAvailable) {
      addUsage(node.parent, fr, CapacityMath.subtract(value, localAvailable));
    }
  }

  /** Whether the node now uses more than its nominal quota (it borrows from its cohort). */
  static boolean borrows(Node node, FlavorResource fr) {
    return node.usage(fr) > node.subtree(fr);
  }
}
