package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.SchedulingCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The gang semantics of kube-scheduler's Workload gang plugin (KEP-4671, 1.36 pod-group cycle) and
 * topology placement (KEP-5732), also used for coscheduling and Volcano groups (no topology):
 *
 * <ul>
 *   <li>candidate placements: all usable nodes, or one per distinct value of the topology key (nodes
 *       without the label are excluded);
 *   <li>in a placement, pods are placed one by one, pod sets in order, each on the feasible node
 *       with the highest LeastAllocated score (cpu and memory), ties by node name;
 *   <li>a placement is feasible when at least minCount pods are placed; pods beyond minCount are
 *       placed too (minCount is a floor);
 *   <li>feasible placements are scored by PodGroupPodsCount (normalised to 0–100) plus
 *       NodeResourcesFit MostAllocated over the placement after the pods (0–100); the highest
 *       wins, ties by domain value.
 * </ul>
 *
 * Not modelled: a group with pods already bound (their domain would be the only candidate), and
 * the 1.35 Permit timeout (the outcome, all or nothing, is the same).
 */
final class NativeGang {
  private final NodeTable table;

  public NativeGang(NodeTable table) {
    this.table = table;
  }

  /** Result of one gang: the pod sets' placements, or a reason. */
  public record Outcome(int placed, List<PodSetResult> podSets, Optional<Diagnostic> failure) {}

  public Outcome place(Gang gang) {
    Map<String, List<Integer>> domains = new TreeMap<>();
    Optional<String> key = gang.topologyKey();
    int withoutLabel = 0;
    for (int n = 0; n < table.nodes.length; n++) {
      if (!table.usable(n)) {
        continue;
      }
      String value = key.isEmpty() ? "" : table.nodes[n].labels().get(key.get());
      if (value == null) {
        withoutLabel++;
        continue;
      }
      domains.computeIfAbsent(value, v -> new ArrayList<>()).add(n);
    }
    if (domains.isEmpty()) {
      String why = key.isPresent()
          ? "no Ready, schedulable node carries the topology label " + key.get() + " (" + withoutLabel + " nodes without it)"
          : "no Ready, schedulable node";
      return new Outcome(0, List.of(), Optional.of(fail(SchedulingCode.GANG_NO_TOPOLOGY_DOMAINS, gang, why)));
    }
    long[][] requests = new long[gang.podSets().size()][];
    for (int i = 0; i < requests.length; i++) {
      requests[i] = table.resources.podRequest(gang.podSets().get(i).requests());
    }
    String bestDomain = null;
    double bestScore = -1;
    int bestPlaced = 0;
    int maxPlaced = 0;
    Map<String, Integer> placedByDomain = new HashMap<>();
    for (Map.Entry<String, List<Integer>> d : domains.entrySet()) {
      int placed = simulate(gang, requests, d.getValue(), null);
      placedByDomain.put(d.getKey(), placed);
      maxPlaced = Math.max(maxPlaced, placed);
    }
    for (Map.Entry<String, List<Integer>> d : domains.entrySet()) {
      int placed = placedByDomain.get(d.getKey());
      if (placed < gang.minCount()) {
        continue;
      }
      double score = (maxPlaced == 0 ? 0 : 100.0 * placed / maxPlaced) + mostAllocated(gang, requests, d.getValue(), placed);
      if (score > bestScore) {
        bestScore = score;
        bestDomain = d.getKey();
        bestPlaced = placed;
      }
    }
    if (bestDomain == null) {
      String where = key.isPresent()
          ? "in any single domain of " + key.get() + " (best: " + maxPlaced + " pods)"
          : "on the cluster (" + maxPlaced + " pods fit)";
      return new Outcome(0, List.of(), Optional.of(fail(SchedulingCode.GANG_MIN_COUNT_NOT_MET, gang,
          "minCount (" + gang.minCount() + ") cannot be satisfied " + where)));
    }
    List<List<PodNode>> placements = new ArrayList<>();
    for (int i = 0; i < gang.podSets().size(); i++) {
      placements.add(new ArrayList<>());
    }
    simulate(gang, requests, domains.get(bestDomain), placements);
    List<PodSetResult> out = new ArrayList<>();
    for (int i = 0; i < gang.podSets().size(); i++) {
      PodSet ps = gang.podSets().get(i);
      PodSetResult.Builder b = PodSetResult.builder().name(ps.name()).count(ps.count()).placements(placements.get(i));
      if (key.isPresent()) {
        TreeMap<String, Integer> perNode = new TreeMap<>();
        placements.get(i).forEach(p -> perNode.merge(p.node(), 1, Integer::sum));
        List<DomainCount> leaves = new ArrayList<>();
        String domain = bestDomain;
        perNode.forEach((node, c) -> leaves.add(DomainCount.of(List.of(domain, node), c)));
        b.topologyAssignment(TopologyAssignment.of(List.of(key.get(), "kubernetes.io/hostname"), leaves));
      }
      out.add(b.build());
    }
    return new Outcome(bestPlaced, out, Optional.empty());
  }

  /**
   * Places the gang's pods on {@code nodes}; returns how many fit. With {@code record} the free
   * capacity is consumed and the placements recorded; otherwise the table is left as it was.
   */
  private int simulate(Gang gang, long[][] requests, List<Integer> nodes, List<List<PodNode>> record) {
    Map<Integer, long[]> scratch = new HashMap<>();
    int placed = 0;
    for (int s = 0; s < gang.podSets().size(); s++) {
      PodSet ps = gang.podSets().get(s);
      NodeFilter filter = new NodeFilter(ps, List.of());
      long[] req = requests[s];
      PriorityQueue<long[]> heap = new PriorityQueue<>((a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1])
          : table.nodes[(int) a[0]].name().compareTo(table.nodes[(int) b[0]].name()));
      for (int n : nodes) {
        if (filter.exclusion(table.nodes[n]).isPresent()) {
          continue;
        }
        long[] free = scratch.computeIfAbsent(n, k -> table.free[k].clone());
        if (NodeTable.fitCount(free, req) >= 1) {
          heap.add(new long[] {n, leastAllocated(n, free, req)});
        }
      }
      for (int rank = 0; rank < ps.count() && !heap.isEmpty(); rank++) {
        long[] top = heap.poll();
        int n = (int) top[0];
        long[] free = scratch.get(n);
        NodeTable.subtract(free, req, 1);
        placed++;
        if (record != null) {
          record.get(s).add(PodNode.of(ps.podName(rank), table.nodes[n].name()));
        }
        if (NodeTable.fitCount(free, req) >= 1) {
          heap.add(new long[] {n, leastAllocated(n, free, req)});
        }
      }
    }
    if (record != null) {
      scratch.forEach((n, free) -> {
        table.touch(n);
        System.arraycopy(free, 0, table.free[n], 0, free.length);
      });
    }
    return placed;
  }

  /** kube-scheduler's LeastAllocated score after placing one more pod, times 1000 to keep it integral. */
  private long leastAllocated(int node, long[] free, long[] req) {
    int[] res = {table.resources.indexOf("cpu"), table.resources.indexOf("memory")};
    long total = 0;
    int counted = 0;
    for (int r : res) {
      if (r < 0) {
        continue;
      }
      long alloc = table.allocatable[node][r];
      if (alloc <= 0) {
        continue;
      }
      long remaining = CapacityMath.subtract(free[r], req[r]);
      total += CapacityMath.share(Math.max(0, Math.min(remaining, alloc)), 100_000, alloc);
      counted++;
    }
    return counted == 0 ? 0 : total / counted;
  }

  /** MostAllocated over the placement's nodes once {@code placed} pods (of the first pod set's size) are added. */
  private double mostAllocated(Gang gang, long[][] requests, List<Integer> nodes, int placed) {
    int[] res = {table.resources.indexOf("cpu"), table.resources.indexOf("memory")};
    double score = 0;
    int counted = 0;
    for (int r : res) {
      if (r < 0) {
        continue;
      }
      long alloc = 0;
      long used = 0;
      for (int n : nodes) {
        alloc = CapacityMath.add(alloc, table.allocatable[n][r]);
        used = CapacityMath.add(used, CapacityMath.subtract(table.allocatable[n][r], table.free[n][r]));
      }
      int left = placed;
      for (int s = 0; s < gang.podSets().size() && left > 0; s++) {
        int c = Math.min(left, gang.podSets().get(s).count());
        used = CapacityMath.add(used, CapacityMath.multiply(requests[s][r], c));
        left -= c;
      }
      if (alloc > 0) {
        score += 100.0 * Math.min(used, alloc) / alloc;
        counted++;
      }
    }
    return counted == 0 ? 0 : score / counted;
  }

  private static Diagnostic fail(SchedulingCode code, Gang gang, String message) {
    return Diagnostic.builder()
        .code(code)
        .path(gang.kind() + " " + gang.namespace() + "/" + gang.name())
        .message(message)
        .hint("add capacity, lower minCount, or relax the topology constraint")
        .build();
  }
}
