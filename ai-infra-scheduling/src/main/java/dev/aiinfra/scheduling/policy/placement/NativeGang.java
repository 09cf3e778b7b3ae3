package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.InterPodRules;
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
 *       without the label are excluded); when pods of the group are already bound, only their
 *       domain (TopologyPlacement's {@code requiredDomain}), and they count towards minCount;
 *   <li>in a placement, pods are placed one by one, pod sets in order, each on the feasible node
 *       with the highest LeastAllocated score (cpu and memory), ties by node name; feasible means
 *       the static checks, room, and the InterPodAffinity filter (required terms, with the pods
 *       already bound or placed, earlier pods of the gang included);
 *   <li>a placement is feasible when at least minCount pods are placed (bound members included);
 *       pods beyond minCount are placed too (minCount is a floor);
 *   <li>feasible placements are scored by PodGroupPodsCount (normalised to 0–100) plus
 *       NodeResourcesFit MostAllocated over the placement after the pods (0–100); the highest
 *       wins, ties by domain value.
 * </ul>
 *
 * Not modelled: the 1.35 Permit timeout (the outcome, all or nothing, is the same) and preferred
 * (scoring-only) inter-pod terms.
 */
final class NativeGang {
  private final NodeTable table;
  private final InterPodAffinity interPod;

  public NativeGang(NodeTable table, InterPodAffinity interPod) {
    this.table = table;
    this.interPod = interPod;
  }

  /** Result of one gang: the pod sets' placements, or a reason. */
  public record Outcome(int placed, List<PodSetResult> podSets, Optional<Diagnostic> failure) {}

  /** The first pod of a simulation that found no node: kube-scheduler's per-reason node counts. */
  private record Blocked(String pod, int nodes, Map<String, Integer> reasons, Optional<InterPodAffinity.Reason> dominant) {}

  /** One simulated placement: pods placed, and the first pod that could not be. */
  private record Simulation(int placed, Optional<Blocked> blocked) {}

  public Outcome place(Gang gang) {
    Map<String, List<Integer>> domains = new TreeMap<>();
    Optional<String> key = gang.topologyKey();
    Optional<String> required = Optional.empty();
    if (key.isPresent() && !gang.boundMembers().isEmpty()) {
      try {
        required = Optional.of(boundDomain(gang, key.get()));
      } catch (IllegalStateException e) {
        return new Outcome(0, List.of(), Optional.of(Diagnostic.builder().code(SchedulingCode.GANG_BOUND_DOMAIN_UNKNOWN)
            .path(gang.kind() + " " + gang.namespace() + "/" + gang.name())
            .message("cannot determine domain for already scheduled pods: " + e.getMessage())
            .hint("add the bound pods' nodes to the input, label them with " + key.get() + ", or keep the group's pods in one domain").build()));
      }
    }
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
      if (required.isPresent() && !required.get().equals(value)) {
        continue;
      }
      domains.computeIfAbsent(value, v -> new ArrayList<>()).add(n);
    }
    if (domains.isEmpty()) {
      String why = required.isPresent()
          ? "no Ready, schedulable node in " + key.get() + "=" + required.get() + ", the domain of the group's " + gang.boundMembers().size() + " bound pods"
          : key.isPresent()
              ? "no Ready, schedulable node carries the topology label " + key.get() + " (" + withoutLabel + " nodes without it)"
              : "no Ready, schedulable node";
      return new Outcome(0, List.of(), Optional.of(fail(SchedulingCode.GANG_NO_TOPOLOGY_DOMAINS, gang, why)));
    }
    long[][] requests = new long[gang.podSets().size()][];
    for (int i = 0; i < requests.length; i++) {
      requests[i] = table.resources.podRequest(gang.podSets().get(i).requests());
    }
    int bound = gang.boundMembers().size();
    String bestDomain = null;
    double bestScore = -1;
    int bestPlaced = 0;
    int maxPlaced = 0;
    Optional<Blocked> blockedAtMax = Optional.empty();
    Map<String, Integer> placedByDomain = new HashMap<>();
    for (Map.Entry<String, List<Integer>> d : domains.entrySet()) {
      Simulation sim = simulate(gang, requests, d.getValue(), null);
      placedByDomain.put(d.getKey(), sim.placed());
      if (sim.placed() > maxPlaced || blockedAtMax.isEmpty() && sim.placed() == maxPlaced) {
        blockedAtMax = sim.blocked();
      }
      maxPlaced = Math.max(maxPlaced, sim.placed());
    }
    for (Map.Entry<String, List<Integer>> d : domains.entrySet()) {
      int placed = placedByDomain.get(d.getKey());
      if (placed + bound < gang.minCount()) {
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
      String where = required.isPresent()
          ? "in " + key.get() + "=" + required.get() + ", where " + bound + " pods of the group are bound (" + maxPlaced + " more fit)"
          : key.isPresent()
              ? "in any single domain of " + key.get() + " (best: " + maxPlaced + " pods)"
              : "on the cluster (" + maxPlaced + " pods fit" + (bound > 0 ? ", " + bound + " bound" : "") + ")";
      String message = "minCount (" + gang.minCount() + ") cannot be satisfied " + where;
      SchedulingCode code = SchedulingCode.GANG_MIN_COUNT_NOT_MET;
      if (blockedAtMax.isPresent()) {
        Blocked b = blockedAtMax.get();
        message += ": pod " + b.pod() + ": " + fitError(b);
        code = b.dominant().map(r -> r.code).orElse(code);
      }
      return new Outcome(0, List.of(), Optional.of(fail(code, gang, message)));
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

  /** The one domain of the group's bound pods, as TopologyPlacement determines it; the error's message otherwise. */
  private String boundDomain(Gang gang, String key) {
    String domain = null;
    for (Map.Entry<String, String> m : new TreeMap<>(gang.boundMembers()).entrySet()) {
      String pod = gang.namespace() + "/" + m.getKey();
      int n = interPod.node(m.getValue());
      if (n < 0) {
        throw new IllegalStateException("getting node for pod " + pod + ": node \"" + m.getValue() + "\" is not in the input");
      }
      String value = table.nodes[n].labels().get(key);
      if (value == null) {
        throw new IllegalStateException("no topology domain found for pod " + pod + " (node " + m.getValue() + " has no label " + key + ")");
      }
      if (domain != null && !domain.equals(value)) {
        throw new IllegalStateException("more than 1 domain found for pod group: " + domain + ", " + value);
      }
      domain = value;
    }
    return domain;
  }

  /** kube-scheduler's FitError wording: {@code 0/N nodes are available: <count> <reason>, ...}, reasons sorted. */
  private static String fitError(Blocked b) {
    List<String> parts = new ArrayList<>();
    b.reasons().forEach((reason, count) -> parts.add(count + " " + reason));
    java.util.Collections.sort(parts);
    return "0/" + b.nodes() + " nodes are available: " + String.join(", ", parts) + ".";
  }

  /**
   * Places the gang's pods on {@code nodes}; returns how many fit. With {@code record} the free
   * capacity is consumed, the pods counted for later inter-pod checks and the placements recorded;
   * otherwise the table is left as it was.
   */
  private Simulation simulate(Gang gang, long[][] requests, List<Integer> nodes, List<List<PodNode>> record) {
    boolean perPod = gang.podSets().stream().anyMatch(ps -> interPod.active(ps.interPod()));
    Map<Integer, long[]> scratch = new HashMap<>();
    int mark = interPod.mark();
    int placed = 0;
    Optional<Blocked> blocked = Optional.empty();
    for (int s = 0; s < gang.podSets().size(); s++) {
      PodSet ps = gang.podSets().get(s);
      NodeFilter filter = new NodeFilter(ps, List.of());
      long[] req = requests[s];
      if (perPod) {
        for (int rank = 0; rank < ps.count(); rank++) {
          InterPodRules rules = ps.interPod(rank);
          InterPodAffinity.Check check = interPod.check(gang.namespace(), rules);
          Map<String, Integer> reasons = new TreeMap<>();
          Map<InterPodAffinity.Reason, Integer> affinityReasons = new java.util.EnumMap<>(InterPodAffinity.Reason.class);
          int best = -1;
          long bestScore = Long.MIN_VALUE;
          for (int n : nodes) {
            Optional<String> excluded = filter.exclusion(table.nodes[n]);
            if (excluded.isPresent()) {
              reasons.merge(excluded.get().startsWith("taint") ? "node(s) had untolerated taint(s)" : "node(s) didn't match Pod's node affinity/selector", 1, Integer::sum);
              continue;
            }
            long[] free = scratch.containsKey(n) ? scratch.get(n) : table.free[n];
            if (NodeTable.fitCount(free, req) < 1) {
              reasons.merge("Insufficient " + table.limitingResource(free, req), 1, Integer::sum);
              continue;
            }
            Optional<InterPodAffinity.Reason> why = check.reject(n);
            if (why.isPresent()) {
              reasons.merge(why.get().message, 1, Integer::sum);
              affinityReasons.merge(why.get(), 1, Integer::sum);
              continue;
            }
            long score = leastAllocated(n, free, req);
            if (best < 0 || score > bestScore || score == bestScore && table.nodes[n].name().compareTo(table.nodes[best].name()) < 0) {
              best = n;
              bestScore = score;
            }
          }
          if (best < 0) {
            if (blocked.isEmpty()) {
              // the most frequent inter-pod reason names the code; ties go to the filter's order
              InterPodAffinity.Reason dominant = null;
              for (Map.Entry<InterPodAffinity.Reason, Integer> e : affinityReasons.entrySet()) {
                if (dominant == null || e.getValue() > affinityReasons.get(dominant)) {
                  dominant = e.getKey();
                }
              }
              blocked = Optional.of(new Blocked(ps.podName(rank), nodes.size(), reasons, Optional.ofNullable(dominant)));
            }
            continue;
          }
          long[] free = scratch.computeIfAbsent(best, k -> table.free[k].clone());
          NodeTable.subtract(free, req, 1);
          placed++;
          interPod.add(best, gang.namespace(), rules);
          if (record != null) {
            record.get(s).add(PodNode.of(ps.podName(rank), table.nodes[best].name()));
          }
        }
        continue;
      }
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
        interPod.add(n, gang.namespace(), ps.interPod(rank));
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
    } else {
      interPod.reset(mark);
    }
    return new Simulation(placed, blocked);
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
