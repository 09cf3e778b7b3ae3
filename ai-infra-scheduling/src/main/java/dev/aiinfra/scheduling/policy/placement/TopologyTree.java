package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kueue's domain tree ({@code tas_topology_tree.go}): one domain per distinct path of level
 * values, leaves keyed by hostname when the lowest level is {@code kubernetes.io/hostname} and by
 * the joined path otherwise (nodes sharing a leaf pool their capacity). Only usable nodes (Ready,
 * schedulable) carrying every level label (empty values allowed) and every flavor label enter.
 */
final class TopologyTree {
  public final Topology topology;
  public final int depth;
  public final boolean hostnameLeaves;
  /** values[level][domain]: the path from the top level down to this domain. */
  public final String[][][] values;
  /** parent[level][domain]: index at level-1, -1 at the top. */
  public final int[][] parent;
  /** children[level][domain]: indices at level+1. */
  public final int[][][] children;
  /** rank[level][domain]: position of the path in lexicographic order within the level. */
  public final int[][] rank;
  /** leafNodes[leaf]: node indices (one for hostname leaves). */
  public final int[][] leafNodes;
  /** Number of nodes that entered the tree. */
  public final int nodeCount;

  public TopologyTree(Topology topology, NodeTable table, Map<String, String> flavorLabels) {
    this.topology = topology;
    this.depth = topology.levels().size();
    this.hostnameLeaves = topology.lowestIsHostname();
    List<List<String[]>> vals = new ArrayList<>();
    List<IntList> parents = new ArrayList<>();
    List<List<IntList>> kids = new ArrayList<>();
    // child lookup by the child's own value: per parent domain (top level: one map)
    List<List<Map<String, Integer>>> childIndex = new ArrayList<>();
    for (int l = 0; l < depth; l++) {
      vals.add(new ArrayList<>());
      parents.add(new IntList());
      kids.add(new ArrayList<>());
      childIndex.add(new ArrayList<>());
    }
    Map<String, Integer> roots = new HashMap<>();
    Map<String, Integer> hostnames = new HashMap<>();
    List<IntList> leafMembers = new ArrayList<>();
    int entered = 0;
    String[] path = new String[depth];
    for (int n = 0; n < table.nodes.length; n++) {
      if (!table.usable(n)) {
        continue;
      }
      ClusterNode node = table.nodes[n];
      if (!matches(node, flavorLabels) || !fillPath(node, path)) {
        continue;
      }
      entered++;
      int parentIdx = -1;
      for (int l = 0; l < depth; l++) {
        boolean leaf = l == depth - 1;
        // Leaves are looked up under their parent: consecutive nodes share a rack, so the small map stays in cache.
        Map<String, Integer> lookup = depth == 1 ? (hostnameLeaves ? hostnames : roots) : l == 0 ? roots : childIndex.get(l - 1).get(parentIdx);
        Integer idx = lookup.get(path[l]);
        if (idx == null) {
          idx = vals.get(l).size();
          lookup.put(path[l], idx);
          vals.get(l).add(Arrays.copyOf(path, l + 1));
          parents.get(l).add(parentIdx);
          kids.get(l).add(new IntList());
          if (!leaf) {
            childIndex.get(l).add(new HashMap<>());
          } else {
            leafMembers.add(new IntList());
          }
          if (parentIdx >= 0) {
            kids.get(l - 1).get(parentIdx).add(idx);
          }
        }
        if (leaf) {
          leafMembers.get(idx).add(n);
        }
        parentIdx = idx;
      }
    }
    nodeCount = entered;
    values = new String[depth][][];
    parent = new int[depth][];
    children = new int[depth][][];
    rank = new int[depth][];
    for (int l = 0; l < depth; l++) {
      int size = vals.get(l).size();
      values[l] = vals.get(l).toArray(new String[0][]);
      parent[l] = parents.get(l).toArray();
      children[l] = new int[size][];
      for (int d = 0; d < size; d++) {
        children[l][d] = kids.get(l).get(d).toArray();
      }
      rank[l] = new int[size];
    }
    // Lexicographic order of full paths is the depth-first order with siblings sorted by value.
    int[] next = new int[depth];
    Integer[] top = new Integer[values[0].length];
    for (int d = 0; d < top.length; d++) {
      top[d] = d;
    }
    Arrays.sort(top, (a, b) -> values[0][a][0].compareTo(values[0][b][0]));
    for (int d : top) {
      assignRanks(0, d, next);
    }
    leafNodes = new int[leafMembers.size()][];
    for (int i = 0; i < leafNodes.length; i++) {
      leafNodes[i] = leafMembers.get(i).toArray();
    }
  }

  private void assignRanks(int level, int domain, int[] next) {
    rank[level][domain] = next[level]++;
    if (level == depth - 1) {
      return;
    }
    int[] kids = children[level][domain];
    if (kids.length > 1) {
      Integer[] sorted = new Integer[kids.length];
      for (int i = 0; i < kids.length; i++) {
        sorted[i] = kids[i];
      }
      String[][] v = values[level + 1];
      Arrays.sort(sorted, (a, b) -> v[a][level + 1].compareTo(v[b][level + 1]));
      for (int c : sorted) {
        assignRanks(level + 1, c, next);
      }
    } else {
      for (int c : kids) {
        assignRanks(level + 1, c, next);
      }
    }
  }

  /** A growable int array. */
  private static final class IntList {
    private int[] data = new int[4];
    private int size;

    void add(int v) {
      if (size == data.length) {
        data = Arrays.copyOf(data, size * 2);
      }
      data[size++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(data, size);
    }
  }

  private static boolean matches(ClusterNode node, Map<String, String> flavorLabels) {
    for (Map.Entry<String, String> e : flavorLabels.entrySet()) {
      if (!e.getValue().equals(node.labels().get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private boolean fillPath(ClusterNode node, String[] path) {
    for (int l = 0; l < depth; l++) {
      String v = node.labels().get(topology.levels().get(l));
      if (v == null) {
        return false;
      }
      path[l] = v;
    }
    return true;
  }

  public static int comparePaths(String[] a, String[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      int c = a[i].compareTo(b[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  public int leafLevel() {
    return depth - 1;
  }

  public int size(int level) {
    return values[level].length;
  }

  public int levelOf(String key) {
    return topology.levels().indexOf(key);
  }
}
