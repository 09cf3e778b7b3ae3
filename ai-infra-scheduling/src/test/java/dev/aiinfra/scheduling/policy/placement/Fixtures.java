package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.TopologyRequest;
import java.util.List;

/** Small clusters and gangs built with the public builders. */
final class Fixtures {
  static final String BLOCK = "cloud.example.com/block";
  static final String RACK = "cloud.example.com/rack";
  static final Topology BLOCK_RACK_HOST = Topology.of("default", List.of(BLOCK, RACK, Topology.HOSTNAME));

  private Fixtures() {}

  /** A node in block/rack with {@code cpu} CPUs, {@code gpus} GPUs and room for 110 pods. */
  static ClusterNode node(String name, String block, String rack, int cpu, int gpus) {
    return ClusterNode.builder()
        .name(name)
        .putLabel(BLOCK, block)
        .putLabel(RACK, rack)
        .putLabel(Topology.HOSTNAME, name)
        .allocatable(ResourceList.of("cpu", Integer.toString(cpu), "memory", "256Gi", "nvidia.com/gpu", Integer.toString(gpus), "pods", "110"))
        .build();
  }

  static PodSet gpuPods(String name, int count, int gpus, TopologyRequest topology) {
    return PodSet.builder().name(name).count(count).requests(ResourceList.of("cpu", "1", "nvidia.com/gpu", Integer.toString(gpus))).topology(topology).build();
  }

  static Gang kueue(String name, PodSet... podSets) {
    return Gang.builder().name(name).kind(GangKind.KUEUE).addPodSets(podSets).build();
  }
}
