package dev.aiinfra.scheduling.policy.placement;

import static dev.aiinfra.scheduling.policy.placement.Fixtures.BLOCK;
import static dev.aiinfra.scheduling.policy.placement.Fixtures.BLOCK_RACK_HOST;
import static dev.aiinfra.scheduling.policy.placement.Fixtures.RACK;
import static dev.aiinfra.scheduling.policy.placement.Fixtures.kueue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.TopologyRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression tests from the KUEUE-TAS differential run against Kueue v0.19.2
 * ({@code conformance/areas/KUEUE-TAS.md}): each input is a shrunk disagreement, each expectation
 * is what Kueue's {@code TASFlavorSnapshot.FindTopologyAssignmentsForFlavor} answered for it.
 */
class KueueTasUpstreamAgreementTest {
  private static ClusterNode host(String name, String block, String rack, String cpu) {
    ClusterNode.Builder b = ClusterNode.builder().name(name).putLabel(Topology.HOSTNAME, name)
        .allocatable(ResourceList.of("cpu", cpu, "pods", "10"));
    if (block != null) {
      b.putLabel(BLOCK, block).putLabel(RACK, rack);
    }
    return b.build();
  }

  private static GangResult place(List<ClusterNode> nodes, Topology topology, Gang gang) {
    return GangPlacement.place(ClusterState.of(nodes), List.of(gang), PlacementOptions.builder().topology(topology).build()).gangs().get(0);
  }

  private static Gang leaderAndWorkers(String leaderRequests, String... leaderMore) {
    TopologyRequest preferredHost = TopologyRequest.preferred(Topology.HOSTNAME);
    PodSet workers = PodSet.builder().name("workers").count(5).requests(ResourceList.of("cpu", "2")).topology(preferredHost).groupName("lw").build();
    String[] req = new String[2 + leaderMore.length];
    req[0] = "cpu";
    req[1] = leaderRequests;
    System.arraycopy(leaderMore, 0, req, 2, leaderMore.length);
    PodSet leader = PodSet.builder().name("leader").count(1).requests(ResourceList.of(req)).topology(preferredHost).groupName("lw").build();
    return kueue("g", workers, leader);
  }

  @Test
  void spreading_workers_with_a_leader_counts_the_leaders_domain_with_the_leader_in_it() {
    // h1 and h2 each fit 2 workers, or the leader and 1 worker: 1 + 2 = 3 of 5, not 2 + 2.
    GangResult r = place(List.of(host("h1", null, null, "4"), host("h2", null, null, "4")), Topology.hostnameOnly(), leaderAndWorkers("1"));
    assertThat(r.fits()).isFalse();
    assertThat(r.reasons()).extracting(Diagnostic::message).containsExactly("topology \"default\" allows to fit only 3 out of 5 pod(s)");
  }

  @Test
  void a_leader_that_fits_no_domain_fits_none_of_the_workers() {
    GangResult r = place(List.of(host("h1", null, null, "4"), host("h2", null, null, "4")), Topology.hostnameOnly(),
        leaderAndWorkers("1", "nvidia.com/gpu", "1"));
    assertThat(r.fits()).isFalse();
    assertThat(r.reasons()).extracting(Diagnostic::message).containsExactly("topology \"default\" doesn't allow to fit any of 5 pod(s)");
  }

  private static List<ClusterNode> twoRacks() {
    // r1: two hosts of 3 pods (2 whole pairs each); r2: hosts of 5 and 1 pods (2 pairs, 0 pairs).
    return List.of(host("h1", "b1", "r1", "3"), host("h2", "b1", "r1", "3"), host("h3", "b1", "r2", "5"), host("h4", "b1", "r2", "1"));
  }

  private static Gang multiLayer(int count) {
    TopologyRequest request = TopologyRequest.builder().mode(dev.aiinfra.scheduling.model.TopologyMode.IMPLIED)
        .sliceLevel(RACK).sliceSize(4).addInnerSliceLayers(new TopologyRequest.SliceLayer(Topology.HOSTNAME, 2)).build();
    return kueue("g", PodSet.builder().name("workers").count(count).requests(ResourceList.of("cpu", "1")).topology(request).build());
  }

  @Test
  void multi_layer_slices_give_each_host_whole_inner_slices() {
    GangResult r = place(twoRacks(), BLOCK_RACK_HOST, multiLayer(8));
    assertThat(r.fits()).isTrue();
    assertThat(r.podSets().get(0).topologyAssignment().orElseThrow().domains())
        .extracting(d -> d.values().get(2) + "=" + d.count()).containsExactly("h1=2", "h2=2", "h3=4");
  }

  @Test
  void multi_layer_slices_that_do_not_fit_report_every_layer() {
    GangResult r = place(twoRacks(), BLOCK_RACK_HOST, multiLayer(12));
    assertThat(r.fits()).isFalse();
    assertThat(r.reasons()).extracting(Diagnostic::message).containsExactly("topology \"default\" doesn't allow to fit; 2/3 slice(s) fit on level "
        + RACK + "; 4/6 slice(s) fit on level kubernetes.io/hostname");
  }

  @Test
  void unconstrained_false_without_slices_names_no_level() {
    TopologyRequest unset = TopologyRequest.builder().mode(dev.aiinfra.scheduling.model.TopologyMode.UNSET).build();
    Gang gang = kueue("g", PodSet.builder().name("workers").count(1).requests(ResourceList.of("cpu", "1")).topology(unset).build());
    GangResult r = place(List.of(host("h1", null, null, "4")), Topology.hostnameOnly(), gang);
    assertThat(r.fits()).isFalse();
    assertThat(r.reasons()).extracting(Diagnostic::message).containsExactly("topology level not specified");
  }
}
