package dev.aiinfra.scheduling.policy.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.inventory.BoundPod;
import dev.aiinfra.core.model.node.PodAffinityTerm;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.InterPodRules;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The InterPodAffinity filter against a brute-force reading of its definition, the soundness of the
 * placements it allows (no anti-affinity broken, every affinity met), and, on tiny inputs, against an
 * exhaustive search of pod-by-pod assignments.
 */
class InterPodAffinityPropertiesTest {
  private static final String RACK = "cloud.example.com/rack";
  private static final List<String> KEYS = List.of(RACK, Topology.HOSTNAME, "cloud.example.com/absent");
  private static final List<String> NAMESPACES = List.of("ns1", "ns2");

  static LongStream seeds() {
    return Seeds.of(12);
  }

  /** A pod as the oracle sees it: namespace, labels, terms, and (once placed) its node index. */
  record Pod(String name, String namespace, InterPodRules rules) {}

  private static List<ClusterNode> nodes(SplittableRandom r) {
    int racks = 1 + r.nextInt(3);
    int hosts = 1 + r.nextInt(3);
    List<ClusterNode> out = new ArrayList<>();
    for (int k = 0; k < racks; k++) {
      for (int h = 0; h < hosts; h++) {
        String name = "n" + k + h;
        ClusterNode.Builder b = ClusterNode.builder().name(name).putLabel(Topology.HOSTNAME, name)
            .allocatable(ResourceList.of("cpu", Integer.toString(1 + r.nextInt(4)), "pods", "110"));
        if (r.nextInt(6) != 0) {
          b.putLabel(RACK, "r" + k);
        }
        out.add(b.build());
      }
    }
    return out;
  }

  private static Map<String, String> labels(SplittableRandom r) {
    Map<String, String> m = new HashMap<>();
    if (r.nextInt(4) != 0) {
      m.put("app", "a" + r.nextInt(3));
    }
    if (r.nextBoolean()) {
      m.put("team", "t" + r.nextInt(2));
    }
    return m;
  }

  private static PodAffinityTerm term(SplittableRandom r) {
    LabelSelector.Builder s = LabelSelector.builder();
    switch (r.nextInt(4)) {
      case 0 -> s.putMatchLabel("app", "a" + r.nextInt(3));
      case 1 -> s.addMatchExpressions(LabelSelector.Requirement.of("team", LabelSelector.Operator.Exists),
          LabelSelector.Requirement.of("app", LabelSelector.Operator.NotIn, "a" + r.nextInt(3)));
      case 2 -> s.addMatchExpressions(LabelSelector.Requirement.of("app", LabelSelector.Operator.In, "a0", "a1"));
      default -> s.putMatchLabel("team", "t" + r.nextInt(2));
    }
    PodAffinityTerm.Builder t = PodAffinityTerm.builder().topologyKey(KEYS.get(r.nextInt(r.nextInt(8) == 0 ? 3 : 2)));
    if (r.nextInt(10) != 0) {
      t.labelSelector(s.build());
    }
    switch (r.nextInt(4)) {
      case 0 -> t.addNamespaces(NAMESPACES.get(r.nextInt(2)));
      case 1 -> t.namespaceSelector(LabelSelector.builder().build());
      case 2 -> t.namespaceSelector(LabelSelector.builder().putMatchLabel(PodAffinityTerm.NAMESPACE_NAME_LABEL, NAMESPACES.get(r.nextInt(2))).build());
      default -> { }
    }
    return t.build();
  }

  private static InterPodRules rules(SplittableRandom r, int termOdds) {
    InterPodRules.Builder b = InterPodRules.builder().labels(labels(r));
    if (r.nextInt(termOdds) == 0) {
      b.addRequiredAffinity(term(r));
    }
    if (r.nextInt(termOdds) == 0) {
      b.addRequiredAntiAffinity(term(r));
    }
    return b.build();
  }

  // ---- the oracle: the filter's definition, pod by pod, no counting ----

  private static String value(ClusterNode n, String key) {
    return n.labels().get(key);
  }

  private static boolean sameDomain(ClusterNode a, ClusterNode b, String key) {
    return value(a, key) != null && value(a, key).equals(value(b, key));
  }

  /** Why {@code p} may not go on {@code n} with {@code placed} (pods on nodes) already there; null when it may. */
  static InterPodAffinity.Reason oracle(Pod p, ClusterNode n, List<Map.Entry<Pod, ClusterNode>> placed) {
    List<PodAffinityTerm> aff = p.rules().requiredAffinity();
    if (!aff.isEmpty()) {
      for (PodAffinityTerm t : aff) {
        if (value(n, t.topologyKey()) == null) {
          return InterPodAffinity.Reason.AFFINITY;
        }
      }
      List<Map.Entry<Pod, ClusterNode>> matchingAll = placed.stream()
          .filter(e -> aff.stream().allMatch(t -> t.selects(e.getKey().namespace(), e.getKey().rules().labels(), p.namespace()))).toList();
      boolean everyTermMet = aff.stream().allMatch(t -> matchingAll.stream().anyMatch(e -> sameDomain(e.getValue(), n, t.topologyKey())));
      if (!everyTermMet) {
        boolean noneCounted = matchingAll.stream().allMatch(e -> aff.stream().allMatch(t -> value(e.getValue(), t.topologyKey()) == null));
        boolean selfMatch = aff.stream().allMatch(t -> t.selects(p.namespace(), p.rules().labels(), p.namespace()));
        if (!(noneCounted && selfMatch)) {
          return InterPodAffinity.Reason.AFFINITY;
        }
      }
    }
    for (PodAffinityTerm t : p.rules().requiredAntiAffinity()) {
      for (Map.Entry<Pod, ClusterNode> e : placed) {
        if (t.selects(e.getKey().namespace(), e.getKey().rules().labels(), p.namespace()) && sameDomain(e.getValue(), n, t.topologyKey())) {
          return InterPodAffinity.Reason.ANTI_AFFINITY;
        }
      }
    }
    for (Map.Entry<Pod, ClusterNode> e : placed) {
      for (PodAffinityTerm t : e.getKey().rules().requiredAntiAffinity()) {
        if (t.selects(p.namespace(), p.rules().labels(), e.getKey().namespace()) && sameDomain(e.getValue(), n, t.topologyKey())) {
          return InterPodAffinity.Reason.EXISTING_ANTI_AFFINITY;
        }
      }
    }
    return null;
  }

  record FilterCase(List<ClusterNode> nodes, List<Map.Entry<Pod, Integer>> placed, Pod incoming) {}

  private static Gen<FilterCase> filterCases() {
    return r -> {
      List<ClusterNode> nodes = nodes(r);
      List<Map.Entry<Pod, Integer>> placed = new ArrayList<>();
      int count = r.nextInt(6);
      for (int i = 0; i < count; i++) {
        placed.add(Map.entry(new Pod("q" + i, NAMESPACES.get(r.nextInt(2)), rules(r, 2)), r.nextInt(nodes.size())));
      }
      return new FilterCase(nodes, placed, new Pod("p", NAMESPACES.get(r.nextInt(2)), rules(r, 2)));
    };
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void the_filter_agrees_with_its_definition_on_every_node(long seed) {
    Property.forAll(seed, filterCases(), 300, c -> {
      NodeTable table = new NodeTable(ClusterState.of(c.nodes()), List.of());
      InterPodAffinity filter = new InterPodAffinity(table, List.of());
      List<Map.Entry<Pod, ClusterNode>> placed = new ArrayList<>();
      for (Map.Entry<Pod, Integer> e : c.placed()) {
        filter.add(e.getValue(), e.getKey().namespace(), e.getKey().rules());
        placed.add(Map.entry(e.getKey(), c.nodes().get(e.getValue())));
      }
      InterPodAffinity.Check check = filter.check(c.incoming().namespace(), c.incoming().rules());
      for (int n = 0; n < c.nodes().size(); n++) {
        assertThat(check.reject(n).orElse(null)).as("node %s", c.nodes().get(n).name())
            .isEqualTo(oracle(c.incoming(), c.nodes().get(n), placed));
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void bound_pods_count_like_pods_placed_here(long seed) {
    Property.forAll(seed, filterCases(), 200, c -> {
      NodeTable table = new NodeTable(ClusterState.of(c.nodes()), List.of());
      List<BoundPod> bound = c.placed().stream().map(e -> BoundPod.builder().namespace(e.getKey().namespace()).name(e.getKey().name())
          .node(c.nodes().get(e.getValue()).name()).requests(ResourceList.empty()).labels(e.getKey().rules().labels())
          .requiredAntiAffinity(e.getKey().rules().requiredAntiAffinity()).build()).toList();
      InterPodAffinity fromBound = new InterPodAffinity(table, bound);
      InterPodAffinity added = new InterPodAffinity(table, List.of());
      c.placed().forEach(e -> added.add(e.getValue(), e.getKey().namespace(),
          InterPodRules.builder().labels(e.getKey().rules().labels()).requiredAntiAffinity(e.getKey().rules().requiredAntiAffinity()).build()));
      InterPodAffinity.Check a = fromBound.check(c.incoming().namespace(), c.incoming().rules());
      InterPodAffinity.Check b = added.check(c.incoming().namespace(), c.incoming().rules());
      for (int n = 0; n < c.nodes().size(); n++) {
        assertThat(a.reject(n)).isEqualTo(b.reject(n));
      }
    });
  }

  // ---- placements ----

  record PlacementCase(List<ClusterNode> nodes, List<BoundPod> bound, List<Gang> gangs) {}

  private static Gen<PlacementCase> placementCases(int maxPods) {
    return r -> {
      List<ClusterNode> nodes = nodes(r);
      List<BoundPod> bound = new ArrayList<>();
      int count = r.nextInt(3);
      for (int i = 0; i < count; i++) {
        InterPodRules rules = rules(r, 2);
        bound.add(BoundPod.builder().namespace(NAMESPACES.get(r.nextInt(2))).name("b" + i).node(nodes.get(r.nextInt(nodes.size())).name())
            .requests(ResourceList.empty()).labels(rules.labels()).requiredAntiAffinity(rules.requiredAntiAffinity()).build());
      }
      List<Gang> gangs = new ArrayList<>();
      int n = 1 + r.nextInt(3);
      for (int g = 0; g < n; g++) {
        int pods = 1 + r.nextInt(maxPods);
        List<InterPodRules> rules = new ArrayList<>();
        for (int i = 0; i < pods; i++) {
          rules.add(rules(r, 3));
        }
        GangKind kind = List.of(GangKind.WORKLOAD, GangKind.VOLCANO, GangKind.COSCHEDULING).get(r.nextInt(3));
        Gang.Builder b = Gang.builder().name("g" + g).namespace(NAMESPACES.get(r.nextInt(2))).kind(kind).minCount(1 + r.nextInt(pods))
            .addPodSets(PodSet.builder().name("p").count(pods).requests(ResourceList.of("cpu", "1")).interPod(rules).build());
        if (kind == GangKind.WORKLOAD && r.nextInt(3) == 0) {
          b.topologyKey(RACK);
        }
        gangs.add(b.build());
      }
      return new PlacementCase(nodes, bound, gangs);
    };
  }

  private static ClusterState state(PlacementCase c) {
    return ClusterState.builder().nodes(c.nodes()).pods(c.bound()).build();
  }

  /** Every pod in placement order: the bound ones, then each fitting gang's in its order. */
  private static List<Map.Entry<Pod, ClusterNode>> inOrder(PlacementCase c, PlacementResult result) {
    Map<String, ClusterNode> byName = new HashMap<>();
    c.nodes().forEach(n -> byName.put(n.name(), n));
    List<Map.Entry<Pod, ClusterNode>> out = new ArrayList<>();
    for (BoundPod b : c.bound()) {
      out.add(Map.entry(new Pod(b.name(), b.namespace(), InterPodRules.builder().labels(b.labels()).requiredAntiAffinity(b.requiredAntiAffinity()).build()),
          byName.get(b.node())));
    }
    for (int g = 0; g < c.gangs().size(); g++) {
      Gang gang = c.gangs().get(g);
      PodSet ps = gang.podSets().get(0);
      for (PodNode p : result.gangs().get(g).podSets().get(0).placements()) {
        int rank = Integer.parseInt(p.pod().substring(p.pod().lastIndexOf('-') + 1));
        out.add(Map.entry(new Pod(gang.name() + "/" + p.pod(), gang.namespace(), ps.interPod(rank)), byName.get(p.node())));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void every_placed_pod_passed_the_filter_given_the_pods_before_it(long seed) {
    Property.forAll(seed, placementCases(5), 150, c -> {
      List<Map.Entry<Pod, ClusterNode>> all = inOrder(c, GangPlacement.place(state(c), c.gangs(), PlacementOptions.defaults()));
      for (int i = c.bound().size(); i < all.size(); i++) {
        assertThat(oracle(all.get(i).getKey(), all.get(i).getValue(), all.subList(0, i))).as("pod %s on %s", all.get(i).getKey().name(), all.get(i).getValue().name()).isNull();
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void no_anti_affinity_is_broken_between_a_placed_pod_and_any_other(long seed) {
    Property.forAll(seed, placementCases(5), 150, c -> {
      List<Map.Entry<Pod, ClusterNode>> all = inOrder(c, GangPlacement.place(state(c), c.gangs(), PlacementOptions.defaults()));
      for (int i = 0; i < all.size(); i++) {
        for (int j = Math.max(i + 1, c.bound().size()); j < all.size(); j++) {
          for (int[] pair : new int[][] {{i, j}, {j, i}}) {
            Pod owner = all.get(pair[0]).getKey();
            Pod other = all.get(pair[1]).getKey();
            for (PodAffinityTerm t : owner.rules().requiredAntiAffinity()) {
              boolean broken = t.selects(other.namespace(), other.rules().labels(), owner.namespace())
                  && sameDomain(all.get(pair[0]).getValue(), all.get(pair[1]).getValue(), t.topologyKey());
              assertThat(broken).as("%s's anti-affinity %s selects %s in its domain", owner.name(), t, other.name()).isFalse();
            }
          }
        }
      }
    });
  }

  /**
   * Exhaustive search on tiny inputs: the pods of one gang in rank order, each on any node where it
   * fits and the filter's definition passes. A gang the search cannot place in full is refused; a
   * gang placed in full is a valid sequence (the other direction need not hold: the scheduler, like
   * this simulator, is greedy).
   */
  private static boolean anyFullAssignment(List<ClusterNode> nodes, long[] freeCpu, Gang g, int rank, List<Map.Entry<Pod, ClusterNode>> placed) {
    PodSet ps = g.podSets().get(0);
    if (rank == ps.count()) {
      return true;
    }
    Pod p = new Pod(g.name() + "/" + ps.podName(rank), g.namespace(), ps.interPod(rank));
    for (int n = 0; n < nodes.size(); n++) {
      if (freeCpu[n] < 1 || oracle(p, nodes.get(n), placed) != null) {
        continue;
      }
      freeCpu[n]--;
      placed.add(Map.entry(p, nodes.get(n)));
      boolean found = anyFullAssignment(nodes, freeCpu, g, rank + 1, placed);
      placed.remove(placed.size() - 1);
      freeCpu[n]++;
      if (found) {
        return true;
      }
    }
    return false;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_gang_no_assignment_can_place_is_refused(long seed) {
    Property.forAll(seed, placementCases(4), 150, c -> {
      Gang g = Gang.builder().from(c.gangs().get(0)).minCount(c.gangs().get(0).totalPods()).topologyKey(Optional.empty()).kind(GangKind.VOLCANO).build();
      PlacementCase one = new PlacementCase(c.nodes(), c.bound(), List.of(g));
      long[] free = c.nodes().stream().mapToLong(n -> n.allocatable().get("cpu").longValue()).toArray();
      List<Map.Entry<Pod, ClusterNode>> placed = new ArrayList<>(inOrder(new PlacementCase(c.nodes(), c.bound(), List.of()), PlacementResult.builder().build()));
      boolean exists = anyFullAssignment(c.nodes(), free, g, 0, placed);
      GangResult r = GangPlacement.place(state(one), one.gangs(), PlacementOptions.defaults()).gangs().get(0);
      if (!exists) {
        assertThat(r.fits()).as("no assignment exists, yet it fits").isFalse();
      }
    });
  }
}
