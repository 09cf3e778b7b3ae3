package dev.aiinfra.scheduling.policy.placement;

import static dev.aiinfra.scheduling.policy.placement.ClusterGenerators.TOPOLOGY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.node.Taints;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.TopologyMode;
import dev.aiinfra.scheduling.model.TopologyRequest;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Soundness, all-or-nothing, monotonicity, determinism and a brute-force oracle for gang placement. */
class GangPlacementPropertiesTest {
  private static final PlacementOptions OPTIONS = PlacementOptions.builder().topology(TOPOLOGY).build();

  static LongStream seeds() {
    return Seeds.of(20);
  }

  record Case(ClusterState cluster, List<Gang> gangs) {}

  private static Gen<Case> cases(int gangs, int maxPods) {
    return r -> {
      ClusterState c = ClusterGenerators.cluster(2, 3, 3, 8).next(r);
      List<Gang> g = new ArrayList<>();
      for (int i = 0; i < gangs; i++) {
        g.add(r.nextBoolean() ? ClusterGenerators.kueueGang("k" + i, maxPods).next(r) : ClusterGenerators.workloadGang("w" + i, maxPods).next(r));
      }
      return new Case(c, g);
    };
  }

  private static PlacementResult place(Case c) {
    return GangPlacement.place(c.cluster(), c.gangs(), OPTIONS);
  }

  private static long units(String resource, Quantity q) {
    return resource.equals("cpu") ? q.milliValue() : q.longValue();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void no_node_is_ever_over_committed(long seed) {
    Property.forAll(seed, cases(3, 12), 100, c -> {
      Map<String, ResourceList> used = new HashMap<>();
      PlacementResult r = place(c);
      for (int g = 0; g < r.gangs().size(); g++) {
        for (int s = 0; s < r.gangs().get(g).podSets().size(); s++) {
          PodSet ps = c.gangs().get(g).podSets().get(s);
          for (PodNode p : r.gangs().get(g).podSets().get(s).placements()) {
            used.merge(p.node(), ps.requests().with("pods", Quantity.of(1)), ResourceList::plus);
          }
        }
      }
      for (ClusterNode n : c.cluster().nodes()) {
        ResourceList u = used.getOrDefault(n.name(), ResourceList.empty());
        if (!u.isEmpty()) {
          assertThat(n.ready() && !n.unschedulable()).as("pods on unusable node %s", n.name()).isTrue();
        }
        for (String res : u.names()) {
          assertThat(units(res, u.get(res))).as("%s on %s", res, n.name()).isLessThanOrEqualTo(units(res, n.allocatable().get(res)));
        }
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_gang_is_placed_whole_or_not_at_all(long seed) {
    Property.forAll(seed, cases(3, 12), 100, c -> {
      PlacementResult r = place(c);
      for (int g = 0; g < r.gangs().size(); g++) {
        GangResult gr = r.gangs().get(g);
        Gang gang = c.gangs().get(g);
        int placed = gr.podSets().stream().mapToInt(ps -> ps.topologyAssignment().map(a -> a.total()).orElse(ps.placements().size())).sum();
        if (!gr.fits()) {
          assertThat(placed).isZero();
          assertThat(gr.placed()).isZero();
          assertThat(gr.reasons()).isNotEmpty();
        } else if (gang.kind() == GangKind.KUEUE) {
          assertThat(placed).isEqualTo(gang.totalPods());
        } else {
          assertThat(gr.placed()).isBetween(gang.minCount(), gang.totalPods()).isEqualTo(placed);
        }
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void a_required_level_puts_every_pod_in_one_domain_of_that_level(long seed) {
    Property.forAll(seed, cases(2, 12), 100, c -> {
      PlacementResult r = place(c);
      for (int g = 0; g < r.gangs().size(); g++) {
        for (PodSet ps : c.gangs().get(g).podSets()) {
          if (ps.topology().map(t -> t.mode() == TopologyMode.REQUIRED).orElse(false) && r.gangs().get(g).fits()) {
            int level = TOPOLOGY.levels().indexOf(ps.topology().get().level().get());
            PodSetResult res = r.gangs().get(g).podSets().stream().filter(x -> x.name().equals(ps.name())).findFirst().orElseThrow();
            assertThat(res.topologyAssignment().orElseThrow().domains()).extracting(d -> d.values().subList(0, level + 1)).containsOnly(
                res.topologyAssignment().get().domains().get(0).values().subList(0, level + 1));
          }
        }
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void adding_a_node_never_turns_a_fit_into_a_no_fit(long seed) {
    Property.forAll(seed, cases(1, 16), 100, c -> {
      Gang gang = c.gangs().get(0);
      boolean monotoneMode = gang.kind() != GangKind.KUEUE || gang.podSets().get(0).topology().map(t -> t.mode() != TopologyMode.PREFERRED).orElse(true);
      if (!monotoneMode || !place(c).fits()) {
        return;
      }
      ClusterNode extra = ClusterGenerators.node("extra", "b0", "b0r0", 8).next(new SplittableRandom(c.cluster().nodes().size()));
      List<ClusterNode> more = new ArrayList<>(c.cluster().nodes());
      more.add(extra);
      assertThat(place(new Case(ClusterState.of(more), c.gangs())).fits()).isTrue();
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void the_result_does_not_depend_on_node_order_or_on_being_run_twice(long seed) {
    Property.forAll(seed, cases(3, 12), 60, c -> {
      PlacementResult once = place(c);
      assertThat(place(c)).isEqualTo(once);
      List<ClusterNode> shuffled = new ArrayList<>(c.cluster().nodes());
      Collections.shuffle(shuffled, new java.util.Random(seed));
      assertThat(place(new Case(ClusterState.of(shuffled), c.gangs()))).isEqualTo(once);
    });
  }

  /** Brute force: the most pods of {@code ps} that can be put on {@code nodes}, trying every assignment. */
  private static int bruteForceMax(PodSet ps, List<ClusterNode> nodes, int limit) {
    List<long[]> free = new ArrayList<>();
    List<String> res = new ArrayList<>(ps.requests().names());
    res.add("pods");
    for (ClusterNode n : nodes) {
      if (!n.ready() || n.unschedulable() || Taints.firstUntolerated(n.taints(), ps.tolerations()).isPresent()) {
        continue;
      }
      long[] f = new long[res.size()];
      for (int i = 0; i < res.size(); i++) {
        f[i] = units(res.get(i), n.allocatable().get(res.get(i)));
      }
      free.add(f);
    }
    long[] req = new long[res.size()];
    for (int i = 0; i < res.size() - 1; i++) {
      req[i] = units(res.get(i), ps.requests().get(res.get(i)));
    }
    req[res.size() - 1] = 1;
    return search(free, req, 0, limit);
  }

  private static int search(List<long[]> free, long[] req, int placed, int limit) {
    if (placed == limit) {
      return placed;
    }
    int best = placed;
    for (long[] f : free) {
      boolean fits = true;
      for (int i = 0; i < req.length; i++) {
        fits &= f[i] >= req[i];
      }
      if (fits) {
        for (int i = 0; i < req.length; i++) {
          f[i] -= req[i];
        }
        best = Math.max(best, search(free, req, placed + 1, limit));
        for (int i = 0; i < req.length; i++) {
          f[i] += req[i];
        }
        if (best == limit) {
          return best;
        }
      }
    }
    return best;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void fits_agrees_with_a_brute_force_search_on_small_clusters(long seed) {
    Gen<Case> small = r -> {
      ClusterState cluster = ClusterGenerators.cluster(2, 2, 2, 4).next(r);
      Gang gang = r.nextBoolean() ? ClusterGenerators.kueueGang("g", 6).next(r) : ClusterGenerators.workloadGang("g", 6).next(r);
      if (gang.kind() == GangKind.KUEUE && gang.podSets().get(0).topology().get().mode() == TopologyMode.PREFERRED) {
        gang = gang.withPodSets(gang.podSets().get(0).withTopology(TopologyRequest.unconstrained()));
      }
      return new Case(cluster, List.of(gang));
    };
    Property.forAll(seed, small, 150, c -> {
      Gang gang = c.gangs().get(0);
      PodSet ps = gang.podSets().get(0);
      Map<String, List<ClusterNode>> domains = new HashMap<>();
      String key = gang.kind() == GangKind.KUEUE
          ? ps.topology().filter(t -> t.mode() == TopologyMode.REQUIRED).flatMap(TopologyRequest::level).orElse(null)
          : gang.topologyKey().orElse(null);
      for (ClusterNode n : c.cluster().nodes()) {
        domains.computeIfAbsent(key == null ? "" : n.labels().get(key), k -> new ArrayList<>()).add(n);
      }
      int need = gang.kind() == GangKind.KUEUE ? ps.count() : gang.minCount();
      boolean expected = domains.values().stream().anyMatch(nodes -> bruteForceMax(ps, nodes, need) >= need);
      assertThat(place(c).fits()).as("kind %s, topology %s", gang.kind(), key).isEqualTo(expected);
    });
  }
}
