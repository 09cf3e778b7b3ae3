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
    List<Map<String, Integer>> ids = new ArrayList<>();
    List<List<String[]>> vals = new ArrayList<>();
    List<List<Integer>> parents = new ArrayList<>();
    List<List<List<Integer>>> kids = new ArrayList<>();
    for (int l = 0; l < depth; l++) {
      ids.add(new HashMap<>());
      vals.add(new ArrayList<>());
      parents.add(new ArrayList<>());
      kids.add(new ArrayList<>());
    }
    List<List<Integer>> leafMembers = new ArrayList<>();
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
      StringBuilder key = new StringBuilder();
      for (int l = 0; l < depth; l++) {
        if (l > 0) {
          key.append(',');
        }
        key.append(path[l]);
        String id = l == depth - 1 && hostnameLeaves ? path[l] : key.toString();
        Integer idx = ids.get(l).get(id);
        if (idx == null) {
          idx = vals.get(l).size();
          ids.get(l).put(id, idx);
          vals.get(l).add(Arrays.copyOf(path, l + 1));
          parents.get(l).add(parentIdx);
          kids.get(l).add(new ArrayList<>());
          if (parentIdx >= 0) {
            kids.get(l - 1).get(parentIdx).add(idx);
          }
          if (l == depth - 1) {
            leafMembers.add(new ArrayList<>());
          }
        }
        if (l == depth - 1) {
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
      parent[l] = parents.get(l).stream().mapToInt(Integer::intValue).toArray();
      children[l] = new int[size][];
      for (int d = 0; d < size; d++) {
        children[l][d] = kids.get(l).get(d).stream().mapToInt(Integer::intValue).toArray();
      }
      Integer[] order = new Integer[size];
      for (int d = 0; d < size; d++) {
        order[d] = d;
      }
      final String[][] v = values[l];
      Arrays.sort(order, (a, b) -> comparePaths(v[a], v[b]));
      rank[l] = new int[size];
      for (int i = 0; i < size; i++) {
        rank[l][order[i]] = i;
      }
    }
    leafNodes = new int[leafMembers.size()][];
    for (int i = 0; i < leafNodes.length; i++) {
      leafNodes[i] = leafMembers.get(i).stream().mapToInt(Integer::intValue).toArray();
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
