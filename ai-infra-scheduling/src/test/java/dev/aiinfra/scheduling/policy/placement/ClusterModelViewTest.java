package dev.aiinfra.scheduling.policy.placement;

import static dev.aiinfra.scheduling.policy.placement.Fixtures.BLOCK;
import static dev.aiinfra.scheduling.policy.placement.Fixtures.BLOCK_RACK_HOST;
import static dev.aiinfra.scheduling.policy.placement.Fixtures.RACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.inventory.BoundPod;
import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.core.model.inventory.NodeState;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.TopologyRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code ClusterState.of(cluster)} and {@code PlacementSnapshot.of(cluster, options)} are views of the
 * one cluster model: on seeded random clusters they equal the state built node by node with the
 * ClusterState builder and give the same placements.
 */
class ClusterModelViewTest {
  private static final int CASES = 150;
  private static final PlacementOptions OPTIONS = PlacementOptions.builder().topology(BLOCK_RACK_HOST).build();

  private static Cluster randomCluster(SplittableRandom r) {
    Cluster.Builder b = Cluster.builder();
    int nodes = 1 + r.nextInt(8);
    for (int i = 0; i < nodes; i++) {
      String name = "n" + i;
      NodeState.Builder n = NodeState.builder().name(name)
          .putLabel(BLOCK, "b" + r.nextInt(2)).putLabel(RACK, "r" + r.nextInt(3)).putLabel(Topology.HOSTNAME, name)
          .allocatable(ResourceList.of("cpu", Integer.toString(4 + r.nextInt(60)), "nvidia.com/gpu", Integer.toString(r.nextInt(9)), "pods", "110"))
          .unschedulable(r.nextInt(10) == 0);
      if (r.nextInt(6) == 0) {
        n.putCondition("Ready", r.nextBoolean() ? "False" : "True");
      }
      if (r.nextInt(8) == 0) {
        n.addTaint(Taint.of("dedicated", "x", TaintEffect.NoSchedule));
      }
      b.addNode(n.build());
    }
    int pods = r.nextInt(12);
    for (int i = 0; i < pods; i++) {
      // now and then a pod on a node the input does not describe
      String node = r.nextInt(10) == 0 ? "gone" : "n" + r.nextInt(nodes);
      b.addPod(BoundPod.builder().namespace("ml").name("p" + i).node(node)
          .requests(ResourceList.of("cpu", Integer.toString(1 + r.nextInt(8)), "nvidia.com/gpu", Integer.toString(r.nextInt(3)))).build());
    }
    return b.build();
  }

  /** The construction before the model: one ClusterNode per node, usage summed per node by hand. */
  private static ClusterState builtByHand(Cluster c) {
    List<ClusterNode> nodes = new ArrayList<>();
    for (NodeState n : c.nodes()) {
      nodes.add(ClusterNode.builder().name(n.name()).labels(n.labels()).taints(n.taints()).unschedulable(n.unschedulable())
          .ready(!"False".equals(n.conditions().get("Ready"))).allocatable(n.allocatable()).build());
    }
    Map<String, ResourceList> usage = new HashMap<>();
    for (BoundPod p : c.pods()) {
      usage.merge(p.node(), p.requests().with("pods", Quantity.of(1)), ResourceList::plus);
    }
    return ClusterState.builder().nodes(nodes).usage(usage).pods(c.pods()).build();
  }

  private static List<Gang> randomGangs(SplittableRandom r) {
    List<Gang> gangs = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      int count = 1 + r.nextInt(10);
      PodSet.Builder ps = PodSet.builder().name("workers").count(count)
          .requests(ResourceList.of("cpu", Integer.toString(1 + r.nextInt(4)), "nvidia.com/gpu", Integer.toString(r.nextInt(3))));
      if (r.nextBoolean()) {
        ps.topology(r.nextBoolean() ? TopologyRequest.required(RACK) : TopologyRequest.preferred(RACK));
        gangs.add(Gang.builder().name("g" + i).kind(GangKind.KUEUE).addPodSets(ps.build()).build());
      } else {
        gangs.add(Gang.builder().name("g" + i).kind(GangKind.WORKLOAD).minCount(1 + r.nextInt(count)).addPodSets(ps.build()).build());
      }
    }
    return gangs;
  }

  @Test
  void the_placement_view_equals_the_state_built_by_hand() {
    SplittableRandom seeds = new SplittableRandom(15);
    for (int i = 0; i < CASES; i++) {
      long seed = seeds.nextLong();
      Cluster c = randomCluster(new SplittableRandom(seed));
      assertThat(ClusterState.of(c)).as("seed %d", seed).isEqualTo(builtByHand(c));
    }
  }

  @Test
  void placing_on_the_model_places_as_on_the_state_built_by_hand() {
    SplittableRandom seeds = new SplittableRandom(1515);
    for (int i = 0; i < CASES; i++) {
      long seed = seeds.nextLong();
      SplittableRandom r = new SplittableRandom(seed);
      Cluster c = randomCluster(r);
      List<Gang> gangs = randomGangs(r);
      PlacementResult old = GangPlacement.place(builtByHand(c), gangs, OPTIONS);
      assertThat(GangPlacement.place(c, gangs, OPTIONS)).as("seed %d", seed).isEqualTo(old);
      assertThat(PlacementSnapshot.of(c, OPTIONS).place(gangs)).as("seed %d", seed).isEqualTo(old);
    }
  }
}
