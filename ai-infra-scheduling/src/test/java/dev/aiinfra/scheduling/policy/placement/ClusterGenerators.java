package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.TopologyRequest;
import dev.aiinfra.testing.Gen;
import java.util.ArrayList;
import java.util.List;

/**
 * Clusters labelled with a block → rack → host topology, and gangs to place on them. Sizes are
 * parameters so the same generators serve small brute-force checks and large smoke runs.
 */
public final class ClusterGenerators {
  public static final String BLOCK = "topology.example.com/block";
  public static final String RACK = "topology.example.com/rack";
  public static final Topology TOPOLOGY = Topology.of("default", List.of(BLOCK, RACK, Topology.HOSTNAME));
  public static final Taint GPU_TAINT = Taint.of("nvidia.com/gpu", "present", TaintEffect.NoSchedule);

  private ClusterGenerators() {}

  /** A node with 0..maxGpus GPUs, 1..64 CPUs, 1..8 pod slots, sometimes tainted, NotReady or cordoned. */
  public static Gen<ClusterNode> node(String name, String block, String rack, int maxGpus) {
    return r -> {
      ClusterNode.Builder b = ClusterNode.builder()
          .name(name)
          .putLabel(BLOCK, block)
          .putLabel(RACK, rack)
          .putLabel(Topology.HOSTNAME, name)
          .allocatable(ResourceList.of(
              "cpu", Integer.toString(1 + r.nextInt(64)),
              "memory", (1 + r.nextInt(512)) + "Gi",
              "nvidia.com/gpu", Integer.toString(r.nextInt(maxGpus + 1)),
              "pods", Integer.toString(1 + r.nextInt(8))));
      if (r.nextInt(6) == 0) {
        b.addTaint(GPU_TAINT);
      }
      if (r.nextInt(15) == 0) {
        b.ready(false);
      }
      if (r.nextInt(15) == 0) {
        b.unschedulable(true);
      }
      return b.build();
    };
  }

  /** {@code blocks × racks × nodes} nodes at most, with random counts per level. */
  public static Gen<ClusterState> cluster(int maxBlocks, int maxRacks, int maxNodes, int maxGpus) {
    return r -> {
      List<ClusterNode> nodes = new ArrayList<>();
      int blocks = 1 + r.nextInt(maxBlocks);
      for (int b = 0; b < blocks; b++) {
        int racks = 1 + r.nextInt(maxRacks);
        for (int k = 0; k < racks; k++) {
          int n = 1 + r.nextInt(maxNodes);
          for (int i = 0; i < n; i++) {
            nodes.add(node("n-" + b + "-" + k + "-" + i, "b" + b, "b" + b + "r" + k, maxGpus).next(r));
          }
        }
      }
      return ClusterState.of(nodes);
    };
  }

  /** A topology request over {@link #TOPOLOGY}: required or preferred at any level, or unconstrained. */
  public static Gen<TopologyRequest> topologyRequest() {
    return r -> {
      String level = TOPOLOGY.levels().get(r.nextInt(3));
      switch (r.nextInt(4)) {
        case 0:
          return TopologyRequest.preferred(level);
        case 1:
          return TopologyRequest.unconstrained();
        default:
          return TopologyRequest.required(level);
      }
    };
  }

  /** One Kueue pod set of 1..maxPods pods asking for 0..2 GPUs and 1..8 CPUs each. */
  public static Gen<PodSet> podSet(String name, int maxPods) {
    return r -> {
      PodSet.Builder b = PodSet.builder()
          .name(name)
          .count(1 + r.nextInt(maxPods))
          .requests(ResourceList.of("cpu", Integer.toString(1 + r.nextInt(8)), "nvidia.com/gpu", Integer.toString(r.nextInt(3))))
          .topology(topologyRequest().next(r));
      if (r.nextBoolean()) {
        b.addToleration(Toleration.exists("nvidia.com/gpu"));
      }
      return b.build();
    };
  }

  public static Gen<Gang> kueueGang(String name, int maxPods) {
    return podSet("workers", maxPods).map(ps -> Gang.builder().name(name).kind(GangKind.KUEUE).addPodSets(ps).build());
  }

  /** A native Workload gang with a random minCount and, sometimes, a rack topology key. */
  public static Gen<Gang> workloadGang(String name, int maxPods) {
    return r -> {
      PodSet ps = podSet("workers", maxPods).next(r);
      PodSet plain = PodSet.builder().from(ps).topology(java.util.Optional.empty()).build();
      Gang.Builder b = Gang.builder().name(name).kind(GangKind.WORKLOAD).addPodSets(plain).minCount(1 + r.nextInt(plain.count()));
      if (r.nextBoolean()) {
        b.topologyKey(RACK);
      }
      return b.build();
    };
  }
}
