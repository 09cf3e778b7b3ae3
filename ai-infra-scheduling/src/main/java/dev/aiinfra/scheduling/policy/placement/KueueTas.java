package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.TopologyMode;
import dev.aiinfra.scheduling.model.TopologyRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Kueue topology-aware scheduling for one pod-set group (workers, optionally a leader) on a {@link
 * TopologyTree}, following {@code tas_flavor_snapshot.go} at Kueue v0.19: fit counts per domain
 * with the implicit {@code pods: 1}, leader and slice roll-ups, level selection (BestFit for
 * required and preferred, LeastFreeCapacity for unconstrained, implied and slice-only requests
 * under the default {@code TASProfileMixed}), pooled descent down to the slice level and per-parent
 * descent below it, and Kueue's failure messages word for word.
 *
 * <p>Not modelled: multi-layer slice constraints, balanced placement (alpha), affinity scoring
 * (alpha), elastic and failed-node replacement. With a leader, the multi-domain greedy path places
 * the leader in the first leader-capable domain that keeps enough total capacity.
 */
final class KueueTas {
  /** Unit of work: a domain at a level with the slices (or pods) and leaders given to it. */
  private record Take(int domain, int amount, int leaders) {}

  /** A request's failure, with the stable code and Kueue's message. */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    public final transient Diagnostic diagnostic;

    Failure(String code, String message, String hint) {
      super(message, null, false, false);
      this.diagnostic = Diagnostic.builder().code(code).message(message).hint(hint).build();
    }
  }

  private final TopologyTree tree;
  private final NodeTable table;
  private final boolean mixedProfile;
  private final List<Toleration> flavorTolerations;

  // per call state
  private long[] req;
  private long[] leaderReq;
  private int[][] pod;
  private int[][] podWL;
  private int[][] leader;
  private int[][] slice;
  private int[][] sliceWL;
  private boolean lfc;
  private int sliceLevel;
  private int sliceSize;
  private final TreeMap<String, Integer> exclusions = new TreeMap<>();

  public KueueTas(TopologyTree tree, NodeTable table, boolean mixedProfile, List<Toleration> flavorTolerations) {
    this.tree = tree;
    this.table = table;
    this.mixedProfile = mixedProfile;
    this.flavorTolerations = flavorTolerations;
  }

  /** Places {@code workers} (and {@code leaderSet}); on success consumes the capacity and returns the pod sets' results. */
  public List<PodSetResult> place(PodSet workers, Optional<PodSet> leaderSet) throws Failure {
    TopologyRequest request = workers.topology().orElse(TopologyRequest.implied());
    int depth = tree.depth;
    String topologyName = tree.topology.name();
    boolean slices = request.sliceLevel().isPresent();
    if (slices && request.sliceSize().isEmpty()) {
      throw new Failure("GANG_SLICE_SIZE_MISSING", "slice topology requested, but slice size not provided",
          "set kueue.x-k8s.io/podset-slice-size");
    }
    int mainLevel;
    boolean unconstrained;
    boolean preferred = request.mode() == TopologyMode.PREFERRED;
    if (request.mode() == TopologyMode.REQUIRED || preferred) {
      mainLevel = tree.levelOf(request.level().get());
      if (mainLevel < 0) {
        throw new Failure("GANG_TOPOLOGY_LEVEL_MISSING", "no requested topology level: " + request.level().get(),
            "use one of the Topology's levels: " + tree.topology.levels());
      }
      unconstrained = false;
    } else if (slices) {
      mainLevel = 0;
      unconstrained = true;
    } else {
      mainLevel = depth - 1;
      unconstrained = true;
    }
    sliceLevel = depth - 1;
    sliceSize = 1;
    if (slices) {
      sliceLevel = tree.levelOf(request.sliceLevel().get());
      if (sliceLevel < 0) {
        throw new Failure("GANG_TOPOLOGY_LEVEL_MISSING", "no requested topology level for slices: " + request.sliceLevel().get(),
            "use one of the Topology's levels: " + tree.topology.levels());
      }
      if (sliceLevel < mainLevel) {
        throw new Failure("GANG_SLICE_ABOVE_TOPOLOGY",
            "podset slice topology " + request.sliceLevel().get() + " is above the podset topology " + request.level().orElse(""),
            "the slice level must be at or below the pod set's topology level");
      }
      sliceSize = request.sliceSize().get();
      if (workers.count() % sliceSize != 0) {
        throw new Failure("GANG_SLICE_SIZE_UNEVEN",
            "podset count " + workers.count() + " is not a multiple of slice size " + sliceSize,
            "make the pod count a multiple of kueue.x-k8s.io/podset-slice-size");
      }
    }
    lfc = unconstrained && mixedProfile;
    req = table.resources.podRequest(workers.requests());
    leaderReq = leaderSet.map(l -> table.resources.podRequest(l.requests())).orElse(null);
    int leaders = leaderSet.isPresent() ? 1 : 0;
    int count = workers.count();
    int need = count / sliceSize;
    String unit = sliceSize == 1 ? "pod" : "slice";

    fillInCounts(new NodeFilter(workers, flavorTolerations));

    List<Take> selected;
    int level = mainLevel;
    while (true) {
      int size = tree.size(level);
      if (size == 0) {
        throw new Failure("GANG_NO_TOPOLOGY_DOMAINS", "no topology domains at level: " + tree.topology.levels().get(level),
            "no Ready, schedulable node carries every level label of topology \"" + topologyName + "\"");
      }
      int[] all = range(size);
      Integer[] sorted = sortWithLeader(level, all, leaders > 0);
      int top = sorted[0];
      Optional<Integer> single = Optional.empty();
      if (!lfc) {
        if (sliceWL[level][top] >= need && leader[level][top] >= leaders) {
          single = Optional.of(bestFit(sorted, 0, need, sliceWL[level], leader[level], leaders));
        }
      } else {
        for (int d : sorted) {
          if (sliceWL[level][d] >= need && leader[level][d] >= leaders) {
            single = Optional.of(d);
            break;
          }
        }
      }
      if (single.isPresent()) {
        selected = List.of(new Take(single.get(), need, leaders));
        break;
      }
      if (!unconstrained && !preferred) {
        throw notFit(topologyName, slice[level][top], need, unit);
      }
      if (preferred && level > 0) {
        level--;
        continue;
      }
      Optional<List<Take>> greedy = greedy(level, all, need, leaders, slice[level], sliceWL[level]);
      if (greedy.isEmpty()) {
        int total = 0;
        for (int d : all) {
          total += slice[level][d];
        }
        throw notFit(topologyName, total, need, unit);
      }
      selected = greedy.get();
      break;
    }

    // Pooled descent from the fit level down to the slice level.
    for (int l = level + 1; l <= sliceLevel; l++) {
      int total = 0;
      int totalLeaders = 0;
      List<Integer> kids = new ArrayList<>();
      for (Take t : selected) {
        total += t.amount();
        totalLeaders += t.leaders();
        for (int c : tree.children[l - 1][t.domain()]) {
          kids.add(c);
        }
      }
      int[] cands = kids.stream().mapToInt(Integer::intValue).toArray();
      Optional<List<Take>> next = greedy(l, cands, total, totalLeaders, slice[l], sliceWL[l]);
      if (next.isEmpty()) {
        throw notFit(topologyName, 0, need, unit); // cannot happen: children hold the parent's capacity
      }
      selected = next.get();
    }
    // From slices to pods, then per-parent descent to the leaves.
    List<Take> pods = new ArrayList<>();
    for (Take t : selected) {
      pods.add(new Take(t.domain(), t.amount() * sliceSize, t.leaders()));
    }
    for (int l = sliceLevel + 1; l < depth; l++) {
      List<Take> next = new ArrayList<>();
      for (Take t : pods) {
        next.addAll(distribute(l, tree.children[l - 1][t.domain()], t.amount(), t.leaders()));
      }
      pods = next;
    }
    return output(workers, leaderSet, pods);
  }

  private Failure notFit(String topologyName, int fit, int need, String unit) {
    StringBuilder message = new StringBuilder("topology \"").append(topologyName).append('"');
    if (fit == 0) {
      message.append(" doesn't allow to fit any of ").append(need).append(' ').append(unit).append("(s)");
    } else {
      message.append(" allows to fit only ").append(fit).append(" out of ").append(need).append(' ').append(unit).append("(s)");
    }
    if (!exclusions.isEmpty()) {
      List<String> reasons = new ArrayList<>();
      exclusions.forEach((reason, n) -> reasons.add(reason + ": " + n));
      reasons.sort(Comparator.naturalOrder());
      message.append(". Total nodes: ").append(tree.size(tree.leafLevel())).append("; excluded: ").append(String.join(", ", reasons));
    }
    return new Failure("GANG_TOPOLOGY_NOT_FIT", message.toString(),
        "add capacity in one domain, relax the level (preferred instead of required), or lower the pod count");
  }

  // ---- phase 1: counts ----

  private void fillInCounts(NodeFilter filter) {
    int depth = tree.depth;
    pod = new int[depth][];
    podWL = new int[depth][];
    leader = new int[depth][];
    slice = new int[depth][];
    sliceWL = new int[depth][];
    for (int l = 0; l < depth; l++) {
      int n = tree.size(l);
      pod[l] = new int[n];
      podWL[l] = new int[n];
      leader[l] = new int[n];
      slice[l] = new int[n];
      sliceWL[l] = new int[n];
    }
    exclusions.clear();
    int leaf = tree.leafLevel();
    int r = table.resources.size();
    long[] free = new long[r];
    long[] afterLeader = new long[r];
    for (int d = 0; d < tree.size(leaf); d++) {
      int[] nodes = tree.leafNodes[d];
      if (tree.hostnameLeaves) {
        Optional<String> excluded = filter.exclusion(table.nodes[nodes[0]]);
        if (excluded.isPresent()) {
          exclusions.merge(excluded.get(), 1, Integer::sum);
          continue;
        }
      }
      Arrays.fill(free, 0);
      for (int n : nodes) {
        long[] f = table.free[n];
        for (int i = 0; i < r; i++) {
          free[i] += f[i];
        }
      }
      int count = NodeTable.fitCount(free, req);
      pod[leaf][d] = count;
      if (count == 0) {
        exclusions.merge("resource \"" + table.limitingResource(free, req) + "\"", 1, Integer::sum);
      }
      if (leaderReq != null && NodeTable.fitCount(free, leaderReq) >= 1) {
        leader[leaf][d] = 1;
        for (int i = 0; i < r; i++) {
          afterLeader[i] = free[i] - leaderReq[i];
        }
        podWL[leaf][d] = NodeTable.fitCount(afterLeader, req);
      } else {
        podWL[leaf][d] = count;
      }
    }
    for (int l = depth - 2; l >= 0; l--) {
      for (int d = 0; d < tree.size(l); d++) {
        int sum = 0;
        int minGap = Integer.MAX_VALUE;
        int maxLeader = 0;
        for (int c : tree.children[l][d]) {
          sum += pod[l + 1][c];
          maxLeader = Math.max(maxLeader, leader[l + 1][c]);
          if (leaderReq == null || leader[l + 1][c] > 0) {
            minGap = Math.min(minGap, pod[l + 1][c] - podWL[l + 1][c]);
          }
        }
        pod[l][d] = sum;
        leader[l][d] = maxLeader;
        podWL[l][d] = minGap == Integer.MAX_VALUE ? 0 : sum - minGap;
      }
    }
    for (int l = depth - 1; l >= 0; l--) {
      for (int d = 0; d < tree.size(l); d++) {
        if (l > sliceLevel) {
          slice[l][d] = 0;
          sliceWL[l][d] = 0;
        } else if (l == sliceLevel) {
          slice[l][d] = pod[l][d] / sliceSize;
          sliceWL[l][d] = podWL[l][d] / sliceSize;
        } else {
          int sum = 0;
          int minGap = Integer.MAX_VALUE;
          for (int c : tree.children[l][d]) {
            sum += slice[l + 1][c];
            if (leaderReq == null || leader[l + 1][c] > 0) {
              minGap = Math.min(minGap, slice[l + 1][c] - sliceWL[l + 1][c]);
            }
          }
          slice[l][d] = sum;
          sliceWL[l][d] = minGap == Integer.MAX_VALUE ? 0 : sum - minGap;
        }
      }
    }
  }

  // ---- ordering ----

  private Integer[] sortWithLeader(int level, int[] domains, boolean withLeader) {
    Integer[] out = box(domains);
    int[] lc = leader[level];
    int[] s = sliceWL[level];
    int[] p = podWL[level];
    int[] rk = tree.rank[level];
    Arrays.sort(out, (a, b) -> {
      if (withLeader && lc[a] != lc[b]) {
        return Integer.compare(lc[b], lc[a]);
      }
      if (s[a] != s[b]) {
        return lfc ? Integer.compare(s[a], s[b]) : Integer.compare(s[b], s[a]);
      }
      if (p[a] != p[b]) {
        return Integer.compare(p[a], p[b]);
      }
      return Integer.compare(rk[a], rk[b]);
    });
    return out;
  }

  private Integer[] sortPlain(int level, int[] domains) {
    Integer[] out = box(domains);
    int[] s = slice[level];
    int[] p = pod[level];
    int[] rk = tree.rank[level];
    Arrays.sort(out, (a, b) -> {
      if (s[a] != s[b]) {
        return lfc ? Integer.compare(s[a], s[b]) : Integer.compare(s[b], s[a]);
      }
      if (p[a] != p[b]) {
        return Integer.compare(p[a], p[b]);
      }
      return Integer.compare(rk[a], rk[b]);
    });
    return out;
  }

  /** The first domain from {@code i} on that fits {@code n} and is strictly smaller than any earlier fit; else {@code sorted[i]}. */
  private static int bestFit(Integer[] sorted, int i, int n, int[] capacity, int[] leaderCount, int leaders) {
    int best = -1;
    for (int k = i; k < sorted.length; k++) {
      int d = sorted[k];
      if (leaderCount != null && leaderCount[d] < leaders) {
        continue;
      }
      if (capacity[d] >= n && (best < 0 || capacity[d] < capacity[best])) {
        best = d;
      }
    }
    return best < 0 ? sorted[i] : best;
  }

  /** Takes capacity from {@code domains} until {@code need} is met: leader first, then workers, BestFit closing the list. */
  private Optional<List<Take>> greedy(int level, int[] domains, int need, int leaders, int[] cap, int[] capWL) {
    List<Take> takes = new ArrayList<>();
    int remaining = need;
    int leaderDomain = -1;
    if (leaders > 0) {
      Integer[] withLeader = sortWithLeader(level, domains, true);
      long total = 0;
      for (int d : domains) {
        total += cap[d];
      }
      Integer chosen = null;
      if (!lfc) {
        int fit = -1;
        for (int d : withLeader) {
          if (leader[level][d] > 0 && capWL[d] >= remaining && (fit < 0 || capWL[d] < capWL[fit])) {
            fit = d;
          }
        }
        if (fit >= 0) {
          chosen = fit;
        }
      }
      if (chosen == null) {
        for (int d : withLeader) {
          if (leader[level][d] > 0 && total - (cap[d] - capWL[d]) >= remaining) {
            chosen = d;
            break;
          }
        }
      }
      if (chosen == null) {
        return Optional.empty();
      }
      leaderDomain = chosen;
      int take = Math.min(capWL[leaderDomain], remaining);
      takes.add(new Take(leaderDomain, take, 1));
      remaining -= take;
    }
    if (remaining > 0) {
      Integer[] sorted = sortPlain(level, domains);
      for (int i = 0; i < sorted.length && remaining > 0; i++) {
        int d = sorted[i];
        if (d == leaderDomain || cap[d] <= 0) {
          continue;
        }
        if (!lfc && cap[d] >= remaining) {
          int closing = bestFitExcluding(sorted, i, remaining, cap, leaderDomain);
          takes.add(new Take(closing, remaining, 0));
          remaining = 0;
          break;
        }
        int take = Math.min(cap[d], remaining);
        takes.add(new Take(d, take, 0));
        remaining -= take;
      }
    }
    if (remaining > 0) {
      return Optional.empty();
    }
    return Optional.of(merge(takes));
  }

  private static int bestFitExcluding(Integer[] sorted, int i, int n, int[] capacity, int excluded) {
    int best = -1;
    for (int k = i; k < sorted.length; k++) {
      int d = sorted[k];
      if (d == excluded) {
        continue;
      }
      if (capacity[d] >= n && (best < 0 || capacity[d] < capacity[best])) {
        best = d;
      }
    }
    return best < 0 ? sorted[i] : best;
  }

  /** A domain taken twice (leader and workers) becomes one take. */
  private static List<Take> merge(List<Take> takes) {
    TreeMap<Integer, int[]> byDomain = new TreeMap<>();
    List<Integer> order = new ArrayList<>();
    for (Take t : takes) {
      int[] acc = byDomain.get(t.domain());
      if (acc == null) {
        byDomain.put(t.domain(), new int[] {t.amount(), t.leaders()});
        order.add(t.domain());
      } else {
        acc[0] += t.amount();
        acc[1] += t.leaders();
      }
    }
    List<Take> out = new ArrayList<>();
    for (int d : order) {
      int[] acc = byDomain.get(d);
      out.add(new Take(d, acc[0], acc[1]));
    }
    return out;
  }

  /** Per-parent descent below the slice level: exactly {@code pods} (and the leader) over the children. */
  private List<Take> distribute(int level, int[] kids, int pods, int leaders) {
    int[] cap = pod[level];
    int[] capWL = podWL[level];
    Optional<List<Take>> takes = greedy(level, kids, pods, leaders, cap, capWL);
    return takes.orElseThrow(() -> new IllegalStateException("children cannot hold their parent's pods"));
  }

  // ---- output ----

  private List<PodSetResult> output(PodSet workers, Optional<PodSet> leaderSet, List<Take> leaves) {
    int leaf = tree.leafLevel();
    List<Take> sorted = new ArrayList<>(leaves);
    sorted.removeIf(t -> t.amount() == 0 && t.leaders() == 0);
    sorted.sort((a, b) -> Integer.compare(tree.rank[leaf][a.domain()], tree.rank[leaf][b.domain()]));
    List<String> levels = tree.topology.levels();
    List<DomainCount> workerDomains = new ArrayList<>();
    List<PodNode> workerPlacements = new ArrayList<>();
    List<DomainCount> leaderDomains = new ArrayList<>();
    List<PodNode> leaderPlacements = new ArrayList<>();
    int rank = 0;
    for (Take t : sorted) {
      List<String> path = List.of(tree.values[leaf][t.domain()]);
      if (t.amount() > 0) {
        workerDomains.add(DomainCount.of(path, t.amount()));
      }
      if (t.leaders() > 0) {
        leaderDomains.add(DomainCount.of(path, 1));
      }
      consume(t);
      if (tree.hostnameLeaves) {
        String node = table.nodes[tree.leafNodes[t.domain()][0]].name();
        for (int i = 0; i < t.amount(); i++) {
          workerPlacements.add(PodNode.of(workers.podName(rank++), node));
        }
        if (t.leaders() > 0) {
          leaderPlacements.add(PodNode.of(leaderSet.get().podName(0), node));
        }
      }
    }
    List<PodSetResult> out = new ArrayList<>();
    out.add(PodSetResult.builder().name(workers.name()).count(workers.count())
        .topologyAssignment(TopologyAssignment.of(levels, workerDomains)).placements(workerPlacements).build());
    leaderSet.ifPresent(l -> out.add(PodSetResult.builder().name(l.name()).count(l.count())
        .topologyAssignment(TopologyAssignment.of(levels, leaderDomains)).placements(leaderPlacements).build()));
    return out;
  }

  /** Subtracts what was placed in a leaf from its nodes (pooled leaves: the first node that still fits each pod). */
  private void consume(Take t) {
    int[] nodes = tree.leafNodes[t.domain()];
    if (t.leaders() > 0) {
      takeFrom(nodes, leaderReq);
    }
    for (int i = 0; i < t.amount(); i++) {
      takeFrom(nodes, req);
    }
  }

  private void takeFrom(int[] nodes, long[] request) {
    for (int n : nodes) {
      if (NodeTable.fitCount(table.free[n], request) >= 1) {
        table.touch(n);
        NodeTable.subtract(table.free[n], request, 1);
        return;
      }
    }
    table.touch(nodes[0]);
    NodeTable.subtract(table.free[nodes[0]], request, 1);
  }

  private static int[] range(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  private static Integer[] box(int[] a) {
    Integer[] out = new Integer[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return out;
  }

  /** Exclusion counts of the last request (for diagnostics and tests). */
  public Map<String, Integer> exclusions() {
    return Map.copyOf(exclusions);
  }
}
