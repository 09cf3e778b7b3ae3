package dev.aiinfra.scheduling.policy.placement;

import static dev.aiinfra.scheduling.policy.placement.Fixtures.RACK;
import static dev.aiinfra.scheduling.policy.placement.Fixtures.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.Topology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeGangTest {
  private static ClusterState cluster() {
    return ClusterState.of(List.of(
        node("n1", "b1", "r1", 64, 8), node("n2", "b1", "r1", 64, 8),
        node("n3", "b1", "r2", 64, 8), node("n4", "b1", "r2", 64, 8), node("n5", "b1", "r2", 64, 8),
        node("x", "b1", "r9", 64, 8).withLabels(Map.of(Topology.HOSTNAME, "x"))));
  }

  private static Gang workload(int pods, int minCount, String topologyKey) {
    Gang.Builder b = Gang.builder().name("train").kind(GangKind.WORKLOAD).minCount(minCount)
        .addPodSets(PodSet.builder().name("workers").count(pods).requests(ResourceList.of("cpu", "1", "nvidia.com/gpu", "1")).build());
    if (topologyKey != null) {
      b.topologyKey(topologyKey);
    }
    return b.build();
  }

  private static GangResult place(ClusterState state, Gang g) {
    return GangPlacement.place(state, List.of(g), PlacementOptions.defaults()).gangs().get(0);
  }

  @Test
  void at_least_min_count_pods_must_fit_and_the_extras_are_placed_too() {
    GangResult r = place(cluster(), workload(60, 40, null));
    assertThat(r.fits()).isTrue();
    assertThat(r.placed()).isEqualTo(48);
    assertThat(r.podSets().get(0).placements()).hasSize(48);
  }

  @Test
  void nodes_near_int64_capacity_are_scored_without_overflow() {
    ResourceList huge = ResourceList.of("cpu", "9223372036854775807m", "memory", "8Ei", "pods", "110");
    ClusterState state = ClusterState.of(List.of(
        dev.aiinfra.scheduling.model.ClusterNode.builder().name("a").allocatable(huge).build(),
        dev.aiinfra.scheduling.model.ClusterNode.builder().name("b").allocatable(huge).build()));
    Gang g = Gang.builder().name("train").kind(GangKind.WORKLOAD).minCount(3)
        .addPodSets(PodSet.builder().name("workers").count(3).requests(ResourceList.of("cpu", "1", "memory", "3Ei")).build()).build();
    GangResult r = place(state, g);
    assertThat(r.fits()).isTrue();
    assertThat(r.podSets().get(0).placements()).extracting(p -> p.node()).containsExactlyInAnyOrder("a", "a", "b");
  }

  @Test
  void below_min_count_nothing_is_placed() {
    GangResult r = place(cluster(), workload(60, 50, null));
    assertThat(r.fits()).isFalse();
    assertThat(r.placed()).isZero();
    assertThat(r.podSets().get(0).placements()).isEmpty();
    assertThat(r.reasons()).extracting(Diagnostic::code).containsExactly("GANG_MIN_COUNT_NOT_MET");
  }

  @Test
  void a_topology_key_keeps_the_gang_in_one_domain_and_skips_nodes_without_the_label() {
    GangResult r = place(cluster(), workload(20, 20, RACK));
    assertThat(r.fits()).isTrue();
    assertThat(r.podSets().get(0).topologyAssignment().orElseThrow().domains()).extracting(d -> d.values().get(0)).containsOnly("r2");
    GangResult tooBig = place(cluster(), workload(30, 30, RACK));
    assertThat(tooBig.fits()).isFalse();
    assertThat(tooBig.reasons().get(0).message()).contains("best: 24 pods");
  }

  @Test
  void pods_spread_by_least_allocated() {
    GangResult r = place(cluster(), workload(6, 6, null));
    assertThat(r.podSets().get(0).placements()).extracting(PodNode::node).doesNotHaveDuplicates();
  }

  @Test
  void a_failed_gang_leaves_the_capacity_for_the_next() {
    Gang tooBig = workload(100, 100, null).withName("big");
    Gang fits = workload(48, 48, null).withName("fits");
    PlacementResult r = GangPlacement.place(cluster(), List.of(tooBig, fits), PlacementOptions.defaults());
    assertThat(r.gangs()).extracting(GangResult::fits).containsExactly(false, true);
    assertThat(r.fits()).isFalse();
  }

  @Test
  void placed_gangs_use_capacity_that_later_gangs_cannot() {
    PlacementResult r = GangPlacement.place(cluster(), List.of(workload(30, 30, null).withName("a"), workload(30, 30, null).withName("b")), PlacementOptions.defaults());
    assertThat(r.gangs()).extracting(GangResult::fits).containsExactly(true, false);
  }
}
