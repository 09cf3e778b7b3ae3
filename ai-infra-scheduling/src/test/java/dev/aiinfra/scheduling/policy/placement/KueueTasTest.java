package dev.aiinfra.scheduling.policy.placement;

import static dev.aiinfra.scheduling.policy.placement.Fixtures.BLOCK;
import static dev.aiinfra.scheduling.policy.placement.Fixtures.BLOCK_RACK_HOST;
import static dev.aiinfra.scheduling.policy.placement.Fixtures.RACK;
import static dev.aiinfra.scheduling.policy.placement.Fixtures.gpuPods;
import static dev.aiinfra.scheduling.policy.placement.Fixtures.kueue;
import static dev.aiinfra.scheduling.policy.placement.Fixtures.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.TopologyRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KueueTasTest {
  private static final PlacementOptions OPTIONS = PlacementOptions.builder().topology(BLOCK_RACK_HOST).build();

  /** b1/r1: 2 nodes of 8 GPUs; b1/r2: 4 nodes of 8 GPUs; b2/r3: 1 node of 8 GPUs. */
  private static ClusterState cluster() {
    return ClusterState.of(List.of(
        node("n1", "b1", "r1", 64, 8), node("n2", "b1", "r1", 64, 8),
        node("n3", "b1", "r2", 64, 8), node("n4", "b1", "r2", 64, 8), node("n5", "b1", "r2", 64, 8), node("n6", "b1", "r2", 64, 8),
        node("n7", "b2", "r3", 64, 8)));
  }

  private static GangResult placeOne(ClusterState state, Gang gang, PlacementOptions options) {
    return GangPlacement.place(state, List.of(gang), options).gangs().get(0);
  }

  private static List<DomainCount> domains(GangResult r) {
    return r.podSets().get(0).topologyAssignment().orElseThrow().domains();
  }

  @Test
  void required_rack_takes_the_tightest_rack_that_fits_the_whole_gang() {
    GangResult r = placeOne(cluster(), kueue("train", gpuPods("workers", 16, 1, TopologyRequest.required(RACK))), OPTIONS);
    assertThat(r.fits()).isTrue();
    assertThat(domains(r)).extracting(DomainCount::values).allSatisfy(v -> assertThat(v.get(1)).isEqualTo("r1"));
    assertThat(domains(r)).extracting(DomainCount::count).containsExactly(8, 8);
  }

  @Test
  void a_rack_whose_nodes_add_up_past_int64_still_fits_what_each_node_holds() {
    ResourceList huge = ResourceList.of("cpu", "64", "memory", "8Ei", "pods", "110");
    ClusterState state = ClusterState.of(List.of(
        ClusterNode.builder().name("a").putLabel(BLOCK, "b1").putLabel(RACK, "r1").allocatable(huge).build(),
        ClusterNode.builder().name("b").putLabel(BLOCK, "b1").putLabel(RACK, "r1").allocatable(huge).build()));
    PodSet pods = PodSet.builder().name("workers").count(2).requests(ResourceList.of("cpu", "1", "memory", "4Ei"))
        .topology(TopologyRequest.required(RACK)).build();
    GangResult r = placeOne(state, kueue("train", pods), PlacementOptions.builder().topology(Topology.of("default", List.of(BLOCK, RACK))).build());
    assertThat(r.fits()).isTrue();
    assertThat(r.placed()).isEqualTo(2);
  }

  @Test
  void pod_counts_of_nodes_with_absurd_pod_capacity_do_not_wrap() {
    ResourceList roomy = ResourceList.of("cpu", "9223372036854775807m", "pods", "1E");
    ClusterState state = ClusterState.of(List.of(
        ClusterNode.builder().name("a").putLabel(BLOCK, "b1").putLabel(RACK, "r1").putLabel(Topology.HOSTNAME, "a").allocatable(roomy).build(),
        ClusterNode.builder().name("b").putLabel(BLOCK, "b1").putLabel(RACK, "r1").putLabel(Topology.HOSTNAME, "b").allocatable(roomy).build()));
    PodSet pods = PodSet.builder().name("workers").count(4).requests(ResourceList.of("cpu", "1m")).topology(TopologyRequest.required(RACK)).build();
    GangResult r = placeOne(state, kueue("train", pods), OPTIONS);
    assertThat(r.fits()).isTrue();
    assertThat(r.placed()).isEqualTo(4);
  }

  @Test
  void a_gang_too_big_for_any_rack_fails_with_kueues_message() {
    GangResult r = placeOne(cluster(), kueue("train", gpuPods("workers", 40, 1, TopologyRequest.required(RACK))), OPTIONS);
    assertThat(r.fits()).isFalse();
    assertThat(r.placed()).isZero();
    assertThat(r.reasons()).extracting(Diagnostic::message).containsExactly("topology \"default\" allows to fit only 32 out of 40 pod(s)");
    assertThat(r.podSets().get(0).placements()).isEmpty();
  }

  @Test
  void exclusions_are_counted_and_listed_in_order() {
    ClusterState state = ClusterState.of(List.of(
        node("a", "b1", "r1", 64, 8).withTaints(Taint.of("dedicated", "infer", TaintEffect.NoSchedule)),
        node("b", "b1", "r1", 64, 0),
        node("c", "b1", "r1", 64, 8).withLabels(Map.of(BLOCK, "b1", RACK, "r1", Topology.HOSTNAME, "c", "pool", "cpu")),
        node("d", "b1", "r1", 64, 8).withTaints(Taint.of("maintenance", "", TaintEffect.NoExecute))));
    PodSet ps = gpuPods("w", 4, 8, TopologyRequest.required(RACK)).withNodeSelector(Map.of("pool", "cpu"));
    GangResult r = placeOne(state, kueue("g", ps), OPTIONS);
    assertThat(r.reasons().get(0).message()).isEqualTo(
        "topology \"default\" allows to fit only 1 out of 4 pod(s). Total nodes: 4; excluded: nodeSelector: 1,"
            + " taint \"dedicated=infer:NoSchedule\": 1, taint \"maintenance:NoExecute\": 1");
  }

  @Test
  void nothing_fitting_says_so_and_names_the_limiting_resource() {
    ClusterState state = ClusterState.of(List.of(node("a", "b1", "r1", 64, 0), node("b", "b1", "r1", 64, 0)));
    GangResult r = placeOne(state, kueue("g", gpuPods("w", 2, 1, TopologyRequest.required(RACK))), OPTIONS);
    assertThat(r.reasons().get(0).message())
        .isEqualTo("topology \"default\" doesn't allow to fit any of 2 pod(s). Total nodes: 2; excluded: resource \"nvidia.com/gpu\": 2");
  }

  @Test
  void every_pod_implicitly_requests_one_pod_slot() {
    ClusterNode small = node("a", "b1", "r1", 64, 8).withAllocatable(ResourceList.of("cpu", "64", "nvidia.com/gpu", "8", "pods", "2"));
    GangResult r = placeOne(ClusterState.of(List.of(small)), kueue("g", gpuPods("w", 3, 1, TopologyRequest.required(RACK))), OPTIONS);
    assertThat(r.reasons().get(0).message()).isEqualTo("topology \"default\" allows to fit only 2 out of 3 pod(s)");
  }

  @Test
  void a_node_without_a_pods_entry_fits_no_pods() {
    ClusterNode noPods = node("a", "b1", "r1", 64, 8).withAllocatable(ResourceList.of("cpu", "64", "nvidia.com/gpu", "8"));
    GangResult r = placeOne(ClusterState.of(List.of(noPods)), kueue("g", gpuPods("w", 1, 1, TopologyRequest.required(RACK))), OPTIONS);
    assertThat(r.reasons().get(0).message()).endsWith("excluded: resource \"pods\": 1");
  }

  @Test
  void usage_of_bound_pods_is_subtracted() {
    ClusterState state = ClusterState.builder().from(cluster()).putUsage("n7", ResourceList.of("nvidia.com/gpu", "6", "pods", "1")).build();
    GangResult r = placeOne(state, kueue("g", gpuPods("w", 4, 1, TopologyRequest.required(BLOCK))), OPTIONS);
    assertThat(domains(r)).extracting(d -> d.values().get(0)).containsOnly("b1");
  }

  @Test
  void preferred_climbs_to_the_next_level_when_no_rack_fits() {
    GangResult r = placeOne(cluster(), kueue("g", gpuPods("w", 40, 1, TopologyRequest.preferred(RACK))), OPTIONS);
    assertThat(r.fits()).isTrue();
    assertThat(domains(r)).extracting(d -> d.values().get(0)).containsOnly("b1");
    assertThat(domains(r)).extracting(DomainCount::count).containsExactly(8, 8, 8, 8, 8);
  }

  @Test
  void preferred_at_the_top_spreads_largest_first_and_closes_with_the_tightest() {
    GangResult r = placeOne(cluster(), kueue("g", gpuPods("w", 52, 1, TopologyRequest.preferred(BLOCK))), OPTIONS);
    assertThat(r.fits()).isTrue();
    assertThat(r.podSets().get(0).topologyAssignment().orElseThrow().total()).isEqualTo(52);
    assertThat(domains(r)).filteredOn(d -> d.values().get(0).equals("b2")).extracting(DomainCount::count).containsExactly(4);
  }

  @Test
  void unconstrained_uses_least_free_capacity_and_fills_the_tightest_hosts_first() {
    ClusterState state = ClusterState.of(List.of(node("big", "b1", "r1", 64, 8), node("mid", "b1", "r1", 64, 4), node("small", "b1", "r1", 64, 2)));
    GangResult one = placeOne(state, kueue("g", gpuPods("w", 3, 1, TopologyRequest.unconstrained())), OPTIONS);
    assertThat(domains(one)).extracting(d -> d.values().get(2), DomainCount::count).containsExactly(org.assertj.core.groups.Tuple.tuple("mid", 3));
    GangResult spread = placeOne(state, kueue("g", gpuPods("w", 9, 1, TopologyRequest.unconstrained())), OPTIONS);
    assertThat(domains(spread)).extracting(d -> d.values().get(2), DomainCount::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("big", 3), org.assertj.core.groups.Tuple.tuple("mid", 4), org.assertj.core.groups.Tuple.tuple("small", 2));
  }

  @Test
  void without_tas_profile_mixed_unconstrained_uses_best_fit() {
    ClusterState state = ClusterState.of(List.of(node("big", "b1", "r1", 64, 8), node("mid", "b1", "r1", 64, 4), node("small", "b1", "r1", 64, 2)));
    GangResult r = placeOne(state, kueue("g", gpuPods("w", 9, 1, TopologyRequest.unconstrained())), OPTIONS.withTasProfileMixed(false));
    assertThat(domains(r)).extracting(d -> d.values().get(2), DomainCount::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("big", 8), org.assertj.core.groups.Tuple.tuple("small", 1));
  }

  @Test
  void below_the_slice_level_smaller_hosts_fill_first() {
    Topology rackHost = Topology.of("default", List.of(RACK, Topology.HOSTNAME));
    ClusterState state = ClusterState.of(List.of(node("x1", "b", "r1", 64, 1), node("x2", "b", "r1", 64, 4)));
    PodSet sliced = gpuPods("w", 4, 1, TopologyRequest.builder().from(TopologyRequest.required(RACK)).sliceLevel(RACK).sliceSize(4).build());
    GangResult r = placeOne(state, kueue("g", sliced), PlacementOptions.builder().topology(rackHost).build());
    assertThat(domains(r)).extracting(d -> d.values().get(1), DomainCount::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("x1", 1), org.assertj.core.groups.Tuple.tuple("x2", 3));
    GangResult plain = placeOne(state, kueue("g", gpuPods("w", 4, 1, TopologyRequest.required(RACK))), PlacementOptions.builder().topology(rackHost).build());
    assertThat(domains(plain)).extracting(d -> d.values().get(1), DomainCount::count).containsExactly(org.assertj.core.groups.Tuple.tuple("x2", 4));
  }

  @Test
  void slices_must_each_fit_in_one_domain_of_the_slice_level() {
    PodSet two = gpuPods("w", 24, 1, TopologyRequest.builder().from(TopologyRequest.required(BLOCK)).sliceLevel(RACK).sliceSize(12).build());
    GangResult r = placeOne(cluster(), kueue("g", two), OPTIONS);
    assertThat(r.fits()).isTrue();
    assertThat(domains(r)).extracting(d -> d.values().get(1)).containsOnly("r2");
    assertThat(domains(r)).extracting(DomainCount::count).containsExactly(8, 8, 8);
    PodSet four = two.withCount(48);
    assertThat(placeOne(cluster(), kueue("g", four), OPTIONS).reasons().get(0).message())
        .isEqualTo("topology \"default\" allows to fit only 3 out of 4 slice(s)");
  }

  @Test
  void slice_requests_are_validated_in_kueues_order() {
    PodSet above = gpuPods("w", 4, 1, TopologyRequest.builder().from(TopologyRequest.required(RACK)).sliceLevel(BLOCK).sliceSize(2).build());
    assertThat(placeOne(cluster(), kueue("g", above), OPTIONS).reasons().get(0).message())
        .isEqualTo("podset slice topology " + BLOCK + " is above the podset topology " + RACK);
    PodSet missing = gpuPods("w", 4, 1, TopologyRequest.required("zone"));
    assertThat(placeOne(cluster(), kueue("g", missing), OPTIONS).reasons().get(0).message()).isEqualTo("no requested topology level: zone");
  }

  @Test
  void a_leader_and_its_workers_land_in_one_domain() {
    PodSet workers = gpuPods("workers", 15, 1, TopologyRequest.required(RACK)).withGroupName("g");
    PodSet leader = PodSet.builder().name("leader").count(1).requests(ResourceList.of("cpu", "4", "nvidia.com/gpu", "1")).groupName("g").build();
    GangResult r = placeOne(cluster(), kueue("lws", workers, leader), OPTIONS);
    assertThat(r.fits()).isTrue();
    assertThat(r.podSets()).extracting(PodSetResult::name).containsExactly("workers", "leader");
    String leaderRack = r.podSets().get(1).topologyAssignment().orElseThrow().domains().get(0).values().get(1);
    assertThat(domains(r)).extracting(d -> d.values().get(1)).containsOnly(leaderRack);
    assertThat(r.podSets().get(1).placements()).hasSize(1);
  }

  @Test
  void non_hostname_leaves_pool_their_nodes_and_place_no_pods_on_nodes() {
    Topology rackOnly = Topology.of("racks", List.of(RACK));
    ClusterState state = ClusterState.of(List.of(node("a", "b", "r1", 1, 0), node("b", "b", "r1", 1, 0)));
    PodSet twoCpu = PodSet.builder().name("w").count(1).requests(ResourceList.of("cpu", "2")).topology(TopologyRequest.required(RACK)).build();
    GangResult r = placeOne(state, kueue("g", twoCpu), PlacementOptions.builder().topology(rackOnly).build());
    assertThat(r.fits()).isTrue();
    assertThat(domains(r)).extracting(DomainCount::values).containsExactly(List.of("r1"));
    assertThat(r.podSets().get(0).placements()).isEmpty();
  }

  @Test
  void not_ready_and_unschedulable_nodes_and_nodes_without_level_labels_are_left_out() {
    ClusterState state = ClusterState.of(List.of(
        node("a", "b1", "r1", 64, 8).withReady(false),
        node("b", "b1", "r1", 64, 8).withUnschedulable(true),
        node("c", "b1", "r1", 64, 8).withLabels(Map.of(Topology.HOSTNAME, "c")),
        node("d", "b1", "r1", 64, 8)));
    GangResult r = placeOne(state, kueue("g", gpuPods("w", 9, 1, TopologyRequest.required(RACK))), OPTIONS);
    assertThat(r.reasons().get(0).message()).isEqualTo("topology \"default\" allows to fit only 8 out of 9 pod(s)");
  }

  @Test
  void flavor_tolerations_count_with_the_pod_set_tolerations() {
    ClusterState state = ClusterState.of(List.of(node("a", "b1", "r1", 64, 8).withTaints(Taint.of("nvidia.com/gpu", "present", TaintEffect.NoSchedule))));
    Gang g = kueue("g", gpuPods("w", 2, 1, TopologyRequest.required(RACK)));
    assertThat(placeOne(state, g, OPTIONS).fits()).isFalse();
    assertThat(placeOne(state, g, OPTIONS.withFlavorTolerations(Toleration.exists("nvidia.com/gpu"))).fits()).isTrue();
  }

  @Test
  void hostname_leaves_give_a_pod_to_node_placement_in_rank_order() {
    GangResult r = placeOne(cluster(), kueue("g", gpuPods("w", 10, 1, TopologyRequest.required(RACK)).withPodNames(
        List.of("w-0", "w-1", "w-2", "w-3", "w-4", "w-5", "w-6", "w-7", "w-8", "w-9"))), OPTIONS);
    assertThat(r.podSets().get(0).placements()).extracting(PodNode::pod).startsWith("w-0", "w-1");
    assertThat(r.podSets().get(0).placements()).hasSize(10);
  }
}
