package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.SchedulingCode;
import dev.aiinfra.scheduling.model.TopologyMode;
import dev.aiinfra.scheduling.model.TopologyRequest;
import java.math.BigInteger;
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
 * <p>Multi-layer slices ({@code TASMultiLayerTopology}, beta since v0.19) are modelled: children
 * contribute whole inner slices to their parents, and below the outer slice level pods are handed
 * out in multiples of the inner sizes. With a leader, the leader-capable domain that keeps enough
 * total capacity is moved to the front before every distribution step, as Kueue does.
 *
 * <p>Not modelled: balanced placement (alpha), affinity scoring (alpha), elastic and failed-node
 * replacement.
 */
final class KueueTas {
  /** Unit of work: a domain at a level with the slices (or pods) and leaders given to it. */
  private record Take(int domain, int amount, int leaders) {}

  /** A request's failure, with the stable code and Kueue's message. */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    public final transient Diagnostic diagnostic;

    Failure(SchedulingCode code, String message, String hint) {
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

  /**
   * Places {@code workers} (and {@code leaderSet}); on success consumes the capacity and returns the
   * pod sets' results. The steps are Kueue's {@code findTopologyAssignment}: validate the request,
   * fill in the counts, find the level with fit domains, descend to the leaves, build the assignment.
   */
  public List<PodSetResult> place(PodSet workers, Optional<PodSet> leaderSet) throws Failure {
    TopologyRequest request = workers.topology().orElse(TopologyRequest.implied());
    topologyName = tree.topology.name();
    requireSliceSize(request);
    int mainLevel = requestedLevel(request);
    resolveSliceLayers(request, mainLevel, workers.count());
    captureRequest(workers, leaderSet);

    fillInCounts(new NodeFilter(workers, flavorTolerations));

    // Phase 2a: the level and the domains that take the whole pod set.
    int[] fitLevel = new int[1];
    List<Integer> selected = findLevelWithFitDomains(mainLevel, fitLevel);
    int level = fitLevel[0];
    // Phase 2b: trim the chosen domains, then pooled descent down to the slice level (children of all
    // chosen domains together), then per-parent descent below it.
    selected = updateCountsToMinimum(level, selected, count, leaders, sliceSize, true);
    selected = descendPooled(level, selected);
    selected = descendPerParent(Math.max(level, Math.min(tree.depth - 1, sliceLevel)), selected);
    return buildAssignment(workers, leaderSet, selected);
  }

  /** A slice level without a slice size is refused before anything else, as Kueue does. */
  private static void requireSliceSize(TopologyRequest request) throws Failure {
    if (request.sliceLevel().isPresent() && request.sliceSize().isEmpty()) {
      throw new Failure(SchedulingCode.GANG_SLICE_SIZE_MISSING, "slice topology requested, but slice size not provided",
          "set kueue.x-k8s.io/podset-slice-size");
    }
  }

  /**
   * The level the pod set asks for (Kueue's {@code requestedLevel}): the named level when required or
   * preferred, the root for slice-only requests, the leaves for implied unconstrained ones; records
   * whether the request is required and unconstrained.
   */
  private int requestedLevel(TopologyRequest request) throws Failure {
    int mainLevel;
    boolean preferred = request.mode() == TopologyMode.PREFERRED;
    if (request.mode() == TopologyMode.REQUIRED || preferred) {
      mainLevel = tree.levelOf(request.level().get());
      if (mainLevel < 0) {
        throw new Failure(SchedulingCode.GANG_TOPOLOGY_LEVEL_MISSING, "no requested topology level: " + request.level().get(),
            "use one of the Topology's levels: " + tree.topology.levels());
      }
      unconstrained = false;
    } else if (request.sliceLevel().isPresent()) {
      mainLevel = 0;
      unconstrained = true;
    } else if (request.mode() == TopologyMode.UNSET) {
      throw new Failure(SchedulingCode.GANG_TOPOLOGY_LEVEL_UNSET, "topology level not specified",
          "set kueue.x-k8s.io/podset-unconstrained-topology to \"true\", or name a required or preferred level");
    } else {
      mainLevel = tree.depth - 1;
      unconstrained = true;
    }
    required = !unconstrained && !preferred;
    return mainLevel;
  }

  /**
   * The slice level and size, and the inner slice layers ({@code TASMultiLayerTopology}): each strictly
   * deeper than the one above and dividing its size. Without slices every pod is its own slice at the
   * leaves.
   */
  private void resolveSliceLayers(TopologyRequest request, int mainLevel, int podCount) throws Failure {
    sliceLevel = tree.depth - 1;
    sliceSize = 1;
    sizeAt = new int[tree.depth];
    multiLayer = List.of();
    if (request.sliceLevel().isEmpty()) {
      return;
    }
    sliceLevel = tree.levelOf(request.sliceLevel().get());
    if (sliceLevel < 0) {
      throw new Failure(SchedulingCode.GANG_TOPOLOGY_LEVEL_MISSING, "no requested topology level for slices: " + request.sliceLevel().get(),
          "use one of the Topology's levels: " + tree.topology.levels());
    }
    if (sliceLevel < mainLevel) {
      throw new Failure(SchedulingCode.GANG_SLICE_ABOVE_TOPOLOGY,
          "podset slice topology " + request.sliceLevel().get() + " is above the podset topology " + request.level().orElse(""),
          "the slice level must be at or below the pod set's topology level");
    }
    sliceSize = request.sliceSize().get();
    resolveInnerSliceLayers(request);
    if (podCount % sliceSize != 0) {
      throw new Failure(SchedulingCode.GANG_SLICE_SIZE_UNEVEN,
          "podset count " + podCount + " is not a multiple of slice size " + sliceSize,
          "make the pod count a multiple of kueue.x-k8s.io/podset-slice-size");
    }
  }

  /** Every level down to an inner layer's level hands out pods in multiples of that layer's size. */
  private void resolveInnerSliceLayers(TopologyRequest request) throws Failure {
    int prevSize = sliceSize;
    int prevLevel = sliceLevel;
    for (TopologyRequest.SliceLayer layer : request.innerSliceLayers()) {
      int at = tree.levelOf(layer.level());
      if (at < 0) {
        throw new Failure(SchedulingCode.GANG_TOPOLOGY_LEVEL_MISSING, "no requested topology level for additional slice layer: " + layer.level(),
            "use one of the Topology's levels: " + tree.topology.levels());
      }
      if (at <= prevLevel) {
        throw new Failure(SchedulingCode.GANG_SLICE_LAYER_ORDER, "additional slice layer topology " + layer.level() + " must be at a lower level than "
            + tree.topology.levels().get(prevLevel), "list the slice layers from the outermost (highest level) to the innermost");
      }
      if (layer.size() < 1 || prevSize % layer.size() != 0) {
        throw new Failure(SchedulingCode.GANG_SLICE_LAYER_SIZE, "additional slice layer size " + layer.size() + " must evenly divide parent layer size " + prevSize,
            "make every inner slice size divide the size of the layer above");
      }
      for (int l = prevLevel + 1; l <= at; l++) {
        sizeAt[l] = layer.size();
      }
      prevSize = layer.size();
      prevLevel = at;
    }
    if (!request.innerSliceLayers().isEmpty()) {
      List<TopologyRequest.SliceLayer> all = new ArrayList<>();
      all.add(new TopologyRequest.SliceLayer(request.sliceLevel().get(), sliceSize));
      all.addAll(request.innerSliceLayers());
      multiLayer = all;
    }
  }

  /** The per-call shape of the request: resource vectors, leader and pod counts, the unit of the messages. */
  private void captureRequest(PodSet workers, Optional<PodSet> leaderSet) {
    lfc = unconstrained && mixedProfile;
    req = table.resources.podRequest(workers.requests());
    leaderReq = leaderSet.map(l -> table.resources.podRequest(l.requests())).orElse(null);
    leaders = leaderSet.isPresent() ? 1 : 0;
    count = workers.count();
    need = count / sliceSize;
    unit = sliceSize == 1 ? "pod" : "slice";
  }

  /** Pooled descent from {@code level} down to the slice level: the children of all chosen domains compete together. */
  private List<Integer> descendPooled(int level, List<Integer> selected) {
    for (int cur = level; cur < Math.min(tree.depth - 1, sliceLevel); cur++) {
      List<Integer> kids = new ArrayList<>();
      for (int d : selected) {
        for (int c : tree.children[cur][d]) {
          kids.add(c);
        }
      }
      selected = updateCountsToMinimum(cur + 1, sortPlain(cur + 1, kids), count, leaders, sliceSize, true);
    }
    return selected;
  }

  /**
   * Per-parent descent from {@code from} to the leaves: each chosen domain hands its own count to its
   * children, in multiples of the inner slice size below the slice level.
   */
  private List<Integer> descendPerParent(int from, List<Integer> selected) {
    for (int cur = from; cur < tree.depth - 1; cur++) {
      int size = cur >= sliceLevel ? Math.max(1, sizeAt[cur + 1]) : sliceSize;
      List<Integer> next = new ArrayList<>();
      for (int d : selected) {
        List<Integer> kids = sortPlain(cur + 1, box(tree.children[cur][d]));
        if (size > 1) {
          for (int c : kids) {
            slice[cur + 1][c] = pod[cur + 1][c] / size;
            sliceWL[cur + 1][c] = podWL[cur + 1][c] / size;
          }
        }
        next.addAll(updateCountsToMinimum(cur + 1, kids, pod[cur][d], leader[cur][d], size, size > 1));
      }
      selected = next;
    }
    return selected;
  }

  /** Kueue's {@code buildAssignment}: what each chosen leaf takes, consumed from the nodes and reported. */
  private List<PodSetResult> buildAssignment(PodSet workers, Optional<PodSet> leaderSet, List<Integer> selected) {
    int leaf = tree.leafLevel();
    List<Take> leaves = new ArrayList<>();
    for (int d : selected) {
      leaves.add(new Take(d, pod[leaf][d], leader[leaf][d]));
    }
    return output(workers, leaderSet, leaves);
  }

  // per call: the request's shape
  private int[] sizeAt;
  private List<TopologyRequest.SliceLayer> multiLayer;
  private boolean required;
  private boolean unconstrained;
  private int leaders;
  private int count;
  private int need;
  private String unit;
  private String topologyName;

  /** Kueue's phase 2a at {@code level}: one domain that fits, else (preferred) one level up, else several domains. */
  private List<Integer> findLevelWithFitDomains(int level, int[] fitLevel) throws Failure {
    int size = tree.size(level);
    if (size == 0) {
      throw new Failure(SchedulingCode.GANG_NO_TOPOLOGY_DOMAINS, "no topology domains at level: " + tree.topology.levels().get(level),
          "no Ready, schedulable node carries every level label of topology \"" + topologyName + "\"");
    }
    List<Integer> sorted = sortWithLeader(level, range(size));
    int top = sorted.get(0);
    if (!lfc && sliceWL[level][top] >= need && leader[level][top] >= leaders) {
      top = bestFitSlices(level, sorted, 0, need, leaders);
    }
    if (lfc) {
      for (int d : sorted) {
        int capacity = slice[level][d];
        if (leaders > 0) {
          if (leader[level][d] < leaders) {
            continue;
          }
          capacity = sliceWL[level][d];
        }
        if (capacity >= need) {
          fitLevel[0] = level;
          return List.of(d);
        }
      }
    }
    if (sliceWL[level][top] >= need && leader[level][top] >= leaders) {
      fitLevel[0] = level;
      return List.of(top);
    }
    if (required) {
      throw notFit(level, slice[level][top]);
    }
    if (level > 0 && !unconstrained) {
      return findLevelWithFitDomains(level - 1, fitLevel);
    }
    fitLevel[0] = level;
    return fitAcrossDomains(level, sorted);
  }

  /** Several domains at {@code level} take the pod set together: the leader's domain first, then workers by capacity. */
  private List<Integer> fitAcrossDomains(int level, List<Integer> sorted) throws Failure {
    List<Integer> domains = prioritizeLeaderDomain(level, sorted, count, leaders, sliceSize, true);
    List<Integer> results = new ArrayList<>();
    int remainingSlices = need;
    int remainingLeaders = leaders;
    int idx = 0;
    for (; remainingLeaders > 0 && idx < domains.size() && leader[level][domains.get(idx)] > 0; idx++) {
      int d = domains.get(idx);
      if (!lfc && sliceWL[level][d] >= remainingSlices) {
        d = bestFitSlices(level, domains, idx, remainingSlices, remainingLeaders);
      }
      results.add(d);
      remainingLeaders -= leader[level][d];
      remainingSlices -= sliceWL[level][d];
    }
    if (remainingLeaders > 0) {
      throw notFit(level, leaders - remainingLeaders);
    }
    List<Integer> rest = sortPlain(level, domains.subList(idx, domains.size()));
    for (int i = 0; remainingSlices > 0 && i < rest.size(); i++) {
      int d = rest.get(i);
      if (!lfc && slice[level][d] >= remainingSlices) {
        d = bestFitSlices(level, rest, i, remainingSlices, 0);
      }
      results.add(d);
      remainingSlices -= slice[level][d];
    }
    if (remainingSlices > 0) {
      throw notFit(level, need - remainingSlices);
    }
    return results;
  }

  /**
   * Moves to the front the first domain that can host the leader and still leaves enough total
   * capacity once the leader's share is taken, so that a later descent can still place it.
   */
  private List<Integer> prioritizeLeaderDomain(int level, List<Integer> domains, int total, int leaderCount, int size, boolean slicesMode) {
    if (leaderCount == 0 || domains.size() < 2) {
      return domains;
    }
    int requiredCapacity = slicesMode ? total / size : total;
    int available = 0;
    for (int d : domains) {
      available = CapacityMath.addCounts(available, slicesMode ? slice[level][d] : pod[level][d]);
    }
    for (int i = 0; i < domains.size(); i++) {
      int d = domains.get(i);
      if (leader[level][d] < leaderCount) {
        continue;
      }
      int penalty = slicesMode ? slice[level][d] - sliceWL[level][d] : pod[level][d] - podWL[level][d];
      if (available - penalty < requiredCapacity) {
        continue;
      }
      if (i == 0) {
        return domains;
      }
      List<Integer> out = new ArrayList<>(domains.size());
      out.add(d);
      for (int k = 0; k < domains.size(); k++) {
        if (k != i) {
          out.add(domains.get(k));
        }
      }
      return out;
    }
    return domains;
  }

  /**
   * Takes {@code total} pods ({@code total / size} slices in slice mode) and {@code leaderCount}
   * leaders from {@code domains} in order, BestFit swapping in the tightest domain that finishes the
   * job; records what each chosen domain gets in its counts and returns the chosen domains.
   */
  private List<Integer> updateCountsToMinimum(int level, List<Integer> domainsIn, int total, int leaderCount, int size, boolean slicesMode) {
    List<Integer> domains = prioritizeLeaderDomain(level, domainsIn, total, leaderCount, size, slicesMode);
    int[] podL = pod[level];
    int[] primaryL = slicesMode ? slice[level] : pod[level];
    int[] withLeaderL = slicesMode ? sliceWL[level] : podWL[level];
    int[] leaderL = leader[level];
    List<Integer> result = new ArrayList<>();
    int remaining = slicesMode ? total / size : total;
    int remainingLeaders = leaderCount;
    int i = 0;
    // The domains that take the leaders first, each with the workers that fit beside its leader.
    for (; i < domains.size() && remainingLeaders > 0; i++) {
      int d = domains.get(i);
      if (!lfc && withLeaderL[d] >= remaining && leaderL[d] >= remainingLeaders) {
        d = slicesMode ? bestFitSlices(level, domains, i, remaining, remainingLeaders) : bestFitPods(level, domains, i, remaining, remainingLeaders);
      }
      if (withLeaderL[d] >= remaining && leaderL[d] >= remainingLeaders) {
        primaryL[d] = remaining;
        leaderL[d] = remainingLeaders;
        podL[d] = remaining * (slicesMode ? size : 1);
        result.add(d);
        return result;
      }
      if (withLeaderL[d] > remaining) {
        withLeaderL[d] = remaining;
      }
      if (leaderL[d] > remainingLeaders) {
        leaderL[d] = remainingLeaders;
      }
      primaryL[d] = withLeaderL[d];
      podL[d] = withLeaderL[d] * (slicesMode ? size : 1);
      remainingLeaders -= leaderL[d];
      remaining -= withLeaderL[d];
      result.add(d);
    }
    return updateWorkerCountsToMinimum(level, domains, i, remaining, size, slicesMode, result);
  }

  /** The rest of {@link #updateCountsToMinimum} once the leaders are placed: workers only, from {@code domains[from..]}. */
  private List<Integer> updateWorkerCountsToMinimum(int level, List<Integer> domains, int from, int remaining, int size, boolean slicesMode,
      List<Integer> result) {
    int[] podL = pod[level];
    int[] leaderL = leader[level];
    for (int i = from; i < domains.size(); i++) {
      int d = domains.get(i);
      if (slicesMode) {
        if (!lfc && slice[level][d] >= remaining) {
          d = bestFitSlices(level, domains, i, remaining, 0);
        }
        leaderL[d] = 0;
        if (slice[level][d] >= remaining) {
          podL[d] = remaining * size;
          slice[level][d] = remaining;
          result.add(d);
          return result;
        }
        podL[d] = slice[level][d] * size;
        remaining -= slice[level][d];
        result.add(d);
        continue;
      }
      if (!lfc && podL[d] >= remaining) {
        d = bestFitPods(level, domains, i, remaining, 0);
      }
      leaderL[d] = 0;
      if (podL[d] >= remaining) {
        podL[d] = remaining;
        result.add(d);
        return result;
      }
      remaining -= podL[d];
      result.add(d);
    }
    // Kueue logs "unexpected remainingCount" and continues with no domains.
    return new ArrayList<>();
  }

  private Failure notFit(int level, int fit) {
    if (!multiLayer.isEmpty()) {
      return multiLayerNotFit(level);
    }
    StringBuilder message = new StringBuilder("topology \"").append(topologyName).append('"');
    if (fit == 0) {
      message.append(" doesn't allow to fit any of ").append(need).append(' ').append(unit).append("(s)");
    } else {
      message.append(" allows to fit only ").append(fit).append(" out of ").append(need).append(' ').append(unit).append("(s)");
    }
    appendExclusions(message);
    return new Failure(SchedulingCode.GANG_TOPOLOGY_NOT_FIT, message.toString(),
        "add capacity in one domain, relax the level (preferred instead of required), or lower the pod count");
  }

  /** With multi-layer slices: how many slices of each layer fit under the level's domain with the most slices. */
  private Failure multiLayerNotFit(int level) {
    StringBuilder message = new StringBuilder("topology \"").append(topologyName).append("\" doesn't allow to fit");
    int best = -1;
    for (int d = 0; d < tree.size(level); d++) {
      if (best < 0 || slice[level][d] > slice[level][best] || slice[level][d] == slice[level][best] && domainId(level, d).compareTo(domainId(level, best)) < 0) {
        best = d;
      }
    }
    if (best >= 0) {
      for (TopologyRequest.SliceLayer layer : multiLayer) {
        int target = tree.levelOf(layer.level());
        if (target < 0) {
          continue;
        }
        message.append("; ").append(slicesBelow(level, best, target, layer.size())).append('/').append(count / layer.size())
            .append(" slice(s) fit on level ").append(layer.level());
      }
      appendExclusions(message);
    }
    return new Failure(SchedulingCode.GANG_TOPOLOGY_NOT_FIT, message.toString(),
        "add capacity in one domain, relax the level (preferred instead of required), or lower the pod count");
  }

  private int slicesBelow(int level, int d, int target, int size) {
    if (level == target) {
      return pod[level][d] / size;
    }
    int total = 0;
    for (int c : tree.children[level][d]) {
      total += slicesBelow(level + 1, c, target, size);
    }
    return total;
  }

  /** Kueue's domain ID: the hostname for hostname leaves, else the level values joined with commas. */
  private String domainId(int level, int d) {
    String[] values = tree.values[level][d];
    if (level == tree.leafLevel() && tree.hostnameLeaves) {
      return values[values.length - 1];
    }
    return String.join(",", values);
  }

  private void appendExclusions(StringBuilder message) {
    if (!exclusions.isEmpty()) {
      List<String> reasons = new ArrayList<>();
      exclusions.forEach((reason, n) -> reasons.add(reason + ": " + n));
      reasons.sort(Comparator.naturalOrder());
      message.append(". Total nodes: ").append(tree.size(tree.leafLevel())).append("; excluded: ").append(String.join(", ", reasons));
    }
  }

  // ---- phase 1: counts ----

  /**
   * Kueue's {@code fillInCounts}: how many pods (and, with a leader, whether the leader and how many
   * pods beside it) fit in every leaf, rolled up to every level, then the slice counts.
   */
  private void fillInCounts(NodeFilter filter) {
    resetCounts();
    fillInLeafCounts(filter);
    rollUpPodCounts();
    rollUpSliceCounts();
  }

  private void resetCounts() {
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
  }

  /** The counts of every leaf from its nodes' free capacity; excluded nodes and empty leaves are counted by reason. */
  private void fillInLeafCounts(NodeFilter filter) {
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
      if (sumFree(nodes, free)) {
        // The leaf's nodes add up past int64 (Kueue's int64 sum would wrap): count exactly instead.
        leafCountsExact(leaf, d, nodes, free);
        continue;
      }
      leafCounts(leaf, d, free, afterLeader);
    }
  }

  /** Sums the nodes' free capacity into {@code free}; true when a sum saturates at int64. */
  private boolean sumFree(int[] nodes, long[] free) {
    Arrays.fill(free, 0);
    boolean saturated = false;
    for (int n : nodes) {
      long[] f = table.free[n];
      for (int i = 0; i < free.length; i++) {
        free[i] = CapacityMath.add(free[i], f[i]);
        saturated |= free[i] == Long.MAX_VALUE;
      }
    }
    return saturated;
  }

  /** The counts of leaf {@code d} with {@code free} capacity; {@code afterLeader} is scratch space. */
  private void leafCounts(int leaf, int d, long[] free, long[] afterLeader) {
    int count = NodeTable.fitCount(free, req);
    pod[leaf][d] = count;
    if (count == 0) {
      exclusions.merge("resource \"" + table.limitingResource(free, req) + "\"", 1, Integer::sum);
    }
    if (leaderReq != null && NodeTable.fitCount(free, leaderReq) >= 1) {
      leader[leaf][d] = 1;
      for (int i = 0; i < free.length; i++) {
        afterLeader[i] = CapacityMath.subtract(free[i], leaderReq[i]);
      }
      podWL[leaf][d] = NodeTable.fitCount(afterLeader, req);
    } else {
      podWL[leaf][d] = count;
    }
  }

  /**
   * Pod counts of the inner levels: the sum of the children (whole inner slices only under multi-layer
   * slices), the best leader count, and the pods beside the leader where it costs least.
   */
  private void rollUpPodCounts() {
    for (int l = tree.depth - 2; l >= 0; l--) {
      int inner = sizeAt[l + 1];
      for (int d = 0; d < tree.size(l); d++) {
        int sum = 0;
        int minGap = Integer.MAX_VALUE;
        int maxLeader = 0;
        for (int c : tree.children[l][d]) {
          // Under multi-layer slices a child hands its parent only whole inner slices.
          int childPods = inner > 1 ? pod[l + 1][c] / inner * inner : pod[l + 1][c];
          int childPodsWL = inner > 1 ? podWL[l + 1][c] / inner * inner : podWL[l + 1][c];
          sum = CapacityMath.addCounts(sum, childPods);
          maxLeader = Math.max(maxLeader, leader[l + 1][c]);
          if (leaderReq == null || leader[l + 1][c] > 0) {
            minGap = Math.min(minGap, childPods - childPodsWL);
          }
        }
        pod[l][d] = sum;
        leader[l][d] = maxLeader;
        podWL[l][d] = minGap == Integer.MAX_VALUE ? 0 : sum - minGap;
      }
    }
  }

  /** Slice counts: none below the slice level, whole slices at it, the children's sum above it. */
  private void rollUpSliceCounts() {
    for (int l = tree.depth - 1; l >= 0; l--) {
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
            sum = CapacityMath.addCounts(sum, slice[l + 1][c]);
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

  /** Level selection order: leaders first, then slices with the leader (descending for BestFit), pods with the leader ascending, then path. */
  private List<Integer> sortWithLeader(int level, List<Integer> domains) {
    List<Integer> out = new ArrayList<>(domains);
    int[] lc = leader[level];
    int[] s = sliceWL[level];
    int[] p = podWL[level];
    int[] rk = tree.rank[level];
    out.sort((a, b) -> {
      if (lc[a] != lc[b]) {
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

  /** Distribution order: slices (descending for BestFit, ascending for LeastFreeCapacity), pods ascending, then path. */
  private List<Integer> sortPlain(int level, List<Integer> domains) {
    List<Integer> out = new ArrayList<>(domains);
    int[] s = slice[level];
    int[] p = pod[level];
    int[] rk = tree.rank[level];
    out.sort((a, b) -> {
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

  private int bestFitSlices(int level, List<Integer> domains, int from, int needed, int leaderCount) {
    return bestFit(domains, from, needed, leaderCount > 0 ? sliceWL[level] : slice[level], leader[level], leaderCount);
  }

  private int bestFitPods(int level, List<Integer> domains, int from, int needed, int leaderCount) {
    return bestFit(domains, from, needed, leaderCount > 0 ? podWL[level] : pod[level], leader[level], leaderCount);
  }

  /**
   * From {@code domains[from..]}: the first domain that can take the leaders and fits {@code needed},
   * strictly smaller than any fitting domain before it; {@code domains[from]} when none fits.
   */
  private static int bestFit(List<Integer> domains, int from, int needed, int[] capacity, int[] leaderCount, int leaders) {
    int best = -1;
    for (int k = from; k < domains.size(); k++) {
      int d = domains.get(k);
      if (leaderCount[d] < leaders) {
        continue;
      }
      if (capacity[d] >= needed && (best < 0 || capacity[d] < capacity[best])) {
        best = d;
      }
    }
    return best < 0 ? domains.get(from) : best;
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

  /**
   * The leaf counts of a domain whose free capacity is summed exactly; {@code saturated} (the same
   * sums held at int64) still names the limiting resource, since a sum past int64 never limits.
   */
  private void leafCountsExact(int leaf, int d, int[] nodes, long[] saturated) {
    BigInteger[] free = new BigInteger[table.resources.size()];
    Arrays.fill(free, BigInteger.ZERO);
    for (int n : nodes) {
      for (int i = 0; i < free.length; i++) {
        free[i] = free[i].add(BigInteger.valueOf(table.free[n][i]));
      }
    }
    int count = NodeTable.fitCount(free, req);
    pod[leaf][d] = count;
    podWL[leaf][d] = count;
    if (count == 0) {
      exclusions.merge("resource \"" + table.limitingResource(saturated, req) + "\"", 1, Integer::sum);
    }
    if (leaderReq != null && NodeTable.fitCount(free, leaderReq) >= 1) {
      leader[leaf][d] = 1;
      for (int i = 0; i < free.length; i++) {
        free[i] = free[i].subtract(BigInteger.valueOf(leaderReq[i]));
      }
      podWL[leaf][d] = NodeTable.fitCount(free, req);
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

  private static List<Integer> range(int n) {
    List<Integer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  private static List<Integer> box(int[] a) {
    List<Integer> out = new ArrayList<>(a.length);
    for (int v : a) {
      out.add(v);
    }
    return out;
  }

  /** Exclusion counts of the last request (for diagnostics and tests). */
  public Map<String, Integer> exclusions() {
    return Map.copyOf(exclusions);
  }
}
