package dev.aiinfra.scheduling.policy.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.TopologyRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Expected placements from Kueue's {@code TestFindTopologyAssignments}
 * ({@code pkg/cache/scheduler/tas_cache_test.go}, kubernetes-sigs/kueue, read 2026-11), rebuilt with
 * ai-infra's builders: the same nodes, requests and topology requests must give the same domains
 * and counts (ai-infra reports full paths; Kueue reports hostnames alone for hostname topologies).
 */
class KueueUpstreamCasesTest {
  private static final String BLOCK = "cloud.com/topology-block";
  private static final String RACK = "cloud.com/topology-rack";
  private static final Topology THREE = Topology.of("default", List.of(BLOCK, RACK, Topology.HOSTNAME));
  private static final Topology TWO = Topology.of("default", List.of(BLOCK, RACK));

  private static ClusterNode node(String block, String rack, String host, int cpu, int pods) {
    ClusterNode.Builder b = ClusterNode.builder().name((block == null ? "" : block + "-") + (rack == null ? "" : rack + "-") + (host == null ? block : host))
        .allocatable(ResourceList.of("cpu", Integer.toString(cpu), "memory", "1Gi", "pods", Integer.toString(pods)));
    if (block != null) {
      b.putLabel(BLOCK, block);
    }
    if (rack != null) {
      b.putLabel(RACK, rack);
    }
    if (host != null) {
      b.putLabel(Topology.HOSTNAME, host);
    }
    return b.build();
  }

  /** Kueue's "defaultNodes" (note: b2's x2 carries rack r1). */
  private static List<ClusterNode> defaultNodes() {
    return List.of(node("b1", "r1", "x3", 1, 10), node("b1", "r2", "x5", 1, 10), node("b1", "r2", "x1", 1, 10),
        node("b1", "r2", "x6", 1, 10), node("b2", "r1", "x2", 1, 10), node("b2", "r2", "x4", 2, 40));
  }

  private static List<ClusterNode> scatteredNodes() {
    return List.of(node("b1", "r1", "x3", 4, 10), node("b1", "r1", "x5", 1, 10), node("b1", "r1", "x1", 1, 10),
        node("b2", "r1", "x6", 2, 10), node("b2", "r1", "x2", 1, 10));
  }

  private static List<ClusterNode> binaryTreesNodes() {
    return List.of(node("b1", "r1", "x3", 1, 10), node("b1", "r1", "x5", 1, 10), node("b1", "r2", "x1", 1, 10), node("b1", "r2", "x6", 1, 10),
        node("b2", "r1", "x2", 1, 10), node("b2", "r1", "x4", 1, 10), node("b2", "r2", "x7", 1, 10), node("b2", "r2", "x8", 1, 10));
  }

  private static GangResult place(List<ClusterNode> nodes, Topology topology, Optional<TopologyRequest> request, int count) {
    PodSet ps = PodSet.builder().name("main").count(count).requests(ResourceList.of("cpu", "1")).topology(request).build();
    Gang gang = Gang.builder().name("wl").kind(GangKind.KUEUE).addPodSets(ps).build();
    return GangPlacement.place(ClusterState.of(nodes), List.of(gang), PlacementOptions.builder().topology(topology).build()).gangs().get(0);
  }

  /** "leaf=count" pairs in output order, the leaf being the last path element. */
  private static List<String> leaves(GangResult r) {
    List<String> out = new ArrayList<>();
    for (DomainCount d : r.podSets().get(0).topologyAssignment().orElseThrow().domains()) {
      out.add(String.join("/", d.values().subList(d.values().size() == 3 ? 2 : 0, d.values().size())) + "=" + d.count());
    }
    return out;
  }

  @Test
  void minimize_the_number_of_used_racks_before_optimizing_the_number_of_nodes() {
    List<ClusterNode> nodes = List.of(node("b1", "r1", "x3", 2, 10), node("b1", "r2", "x5", 2, 20), node("b1", "r3", "x1", 1, 10),
        node("b1", "r3", "x6", 1, 10), node("b1", "r3", "x2", 1, 10), node("b1", "r3", "x4", 1, 10));
    assertThat(leaves(place(nodes, THREE, Optional.of(TopologyRequest.required(BLOCK)), 4))).containsExactly("x1=1", "x2=1", "x4=1", "x6=1");
  }

  @Test
  void choose_the_node_that_can_accommodate_all_pods() {
    List<ClusterNode> nodes = List.of(node("b1", "r1", "x3", 2, 10), node("b1", "r1", "x5", 1, 10), node("b1", "r1", "x1", 1, 10));
    assertThat(leaves(place(nodes, THREE, Optional.of(TopologyRequest.required(BLOCK)), 2))).containsExactly("x3=2");
  }

  @Test
  void no_annotation_implies_unconstrained_and_scatters_over_the_tightest_hosts() {
    assertThat(leaves(place(scatteredNodes(), THREE, Optional.empty(), 6))).containsExactly("x1=1", "x3=1", "x5=1", "x2=1", "x6=2");
  }

  @Test
  void unconstrained_scatters_the_same_way() {
    assertThat(leaves(place(scatteredNodes(), THREE, Optional.of(TopologyRequest.unconstrained()), 6))).containsExactly("x1=1", "x3=1", "x5=1", "x2=1", "x6=2");
  }

  @Test
  void unconstrained_single_pod_takes_the_first_tightest_host() {
    assertThat(leaves(place(defaultNodes(), THREE, Optional.of(TopologyRequest.unconstrained()), 1))).containsExactly("x3=1");
  }

  @Test
  void block_required_four_pods_fit_one_host_each() {
    assertThat(leaves(place(binaryTreesNodes(), THREE, Optional.of(TopologyRequest.required(BLOCK)), 4))).containsExactly("x3=1", "x5=1", "x1=1", "x6=1");
  }

  @Test
  void host_required_single_pod_fits_in_the_host() {
    assertThat(leaves(place(defaultNodes(), THREE, Optional.of(TopologyRequest.required(Topology.HOSTNAME)), 1))).containsExactly("x3=1");
  }

  @Test
  void rack_required_on_a_two_level_topology_pools_each_rack() {
    assertThat(leaves(place(defaultNodes(), TWO, Optional.of(TopologyRequest.required(RACK)), 1))).containsExactly("b1/r1=1");
    assertThat(leaves(place(defaultNodes(), TWO, Optional.of(TopologyRequest.required(RACK)), 3))).containsExactly("b1/r2=3");
    assertThat(leaves(place(defaultNodes(), TWO, Optional.of(TopologyRequest.required(RACK)), 2))).containsExactly("b2/r2=2");
  }

  @Test
  void rack_required_too_many_pods_for_any_rack() {
    GangResult r = place(defaultNodes(), TWO, Optional.of(TopologyRequest.required(RACK)), 4);
    assertThat(r.reasons().get(0).message()).isEqualTo("topology \"default\" allows to fit only 3 out of 4 pod(s)");
  }

  @Test
  void block_preferred_pods_fit_in_two_blocks() {
    List<ClusterNode> nodes = List.of(node("b1", null, null, 2, 20), node("b2", null, null, 1, 10), node("b3", null, null, 4, 40));
    Topology blocks = Topology.of("default", List.of(BLOCK));
    assertThat(leaves(place(nodes, blocks, Optional.of(TopologyRequest.preferred(BLOCK)), 5))).containsExactly("b2=1", "b3=4");
  }

  private static GangResult placeRequest(List<ClusterNode> nodes, Topology topology, TopologyRequest request, int count) {
    PodSet ps = PodSet.builder().name("main").count(count).requests(ResourceList.of("cpu", "1")).topology(request).build();
    Gang gang = Gang.builder().name("wl").kind(GangKind.KUEUE).addPodSets(ps).build();
    return GangPlacement.place(ClusterState.of(nodes), List.of(gang), PlacementOptions.builder().topology(topology).build()).gangs().get(0);
  }

  private static TopologyRequest blockWithRackAndHostSlices(int rackSize, int hostSize) {
    return TopologyRequest.builder().mode(dev.aiinfra.scheduling.model.TopologyMode.REQUIRED).level(BLOCK).sliceLevel(RACK).sliceSize(rackSize)
        .addInnerSliceLayers(new TopologyRequest.SliceLayer(Topology.HOSTNAME, hostSize)).build();
  }

  /** Kueue v0.19.2 "multi-layer topology: block required; rack slices of 4; host slices of 2; TASMultiLayerTopology". */
  @Test
  void multi_layer_rack_slices_of_four_host_slices_of_two() {
    List<ClusterNode> nodes = List.of(node("b1", "r1", "x1", 1, 10), node("b1", "r1", "x2", 4, 10), node("b1", "r2", "x3", 3, 10), node("b1", "r2", "x4", 4, 10));
    assertThat(leaves(placeRequest(nodes, THREE, blockWithRackAndHostSlices(4, 2), 8))).containsExactly("x2=4", "x3=2", "x4=2");
  }

  /** Kueue v0.19.2 "multi-layer topology: host slice rounding makes rack slice impossible". */
  @Test
  void multi_layer_host_slice_rounding_makes_the_rack_slice_impossible() {
    List<ClusterNode> nodes = List.of(node("b1", "r1", "x1", 3, 10), node("b1", "r1", "x2", 3, 10), node("b1", "r1", "x3", 0, 10));
    GangResult r = placeRequest(nodes, THREE, blockWithRackAndHostSlices(6, 2), 6);
    assertThat(r.reasons().get(0).message()).isEqualTo("topology \"default\" doesn't allow to fit; 0/1 slice(s) fit on level " + RACK
        + "; 2/3 slice(s) fit on level kubernetes.io/hostname. Total nodes: 3; excluded: resource \"cpu\": 1");
  }
}
