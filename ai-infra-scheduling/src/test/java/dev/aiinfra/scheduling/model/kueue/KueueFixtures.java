package dev.aiinfra.scheduling.model.kueue;

import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.core.model.inventory.NodeState;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.scheduling.model.Topology;
import java.util.List;

/** A GPU queue set using every field, built with the public builders (the same as {@code kueue/gpu-queue.yaml}). */
public final class KueueFixtures {
  private KueueFixtures() {}

  public static KueueObjects gpuQueueSet() {
    return KueueObjects.builder()
        .addTopology(Topology.of("gpu-topology", List.of("cloud.example.com/block", "cloud.example.com/rack", "kubernetes.io/hostname")))
        .addResourceFlavor(ResourceFlavor.builder().name("h100")
            .putNodeLabel("nvidia.com/gpu.product", "NVIDIA-H100-80GB-HBM3")
            .addNodeTaint(Taint.of("nvidia.com/gpu", "present", TaintEffect.NoSchedule))
            .addToleration(Toleration.builder().key("nvidia.com/gpu").operator(Toleration.Operator.Exists).effect(TaintEffect.NoSchedule).build())
            .topologyName("gpu-topology").build())
        .addCohort(Cohort.builder().name("research").fairSharingWeight(Quantity.of(2)).build())
        .addClusterQueue(ClusterQueue.builder().name("gpu").cohortName("research")
            .namespaceSelector(LabelSelector.builder().putMatchLabel("team", "ml").build())
            .queueingStrategy(QueueingStrategy.StrictFIFO)
            .addResourceGroup(ResourceGroup.of(List.of("cpu", "memory", "nvidia.com/gpu"), List.of(FlavorQuotas.of("h100", List.of(
                ResourceQuota.of("cpu", "192"), ResourceQuota.of("memory", "2Ti"),
                ResourceQuota.of("nvidia.com/gpu", "16").withBorrowingLimit(Quantity.of(8)).withLendingLimit(Quantity.of(4)))))))
            .preemption(Preemption.builder().reclaimWithinCohort(PreemptionPolicy.Any).borrowWithinCohort(BorrowWithinCohortPolicy.LowerPriority)
                .maxPriorityThreshold(100).withinClusterQueue(PreemptionPolicy.LowerPriority).build())
            .flavorFungibility(FlavorFungibility.builder().whenCanBorrow(FlavorFungibility.Policy.TryNextFlavor)
                .whenCanPreempt(FlavorFungibility.Policy.TryNextFlavor).preference(FlavorFungibility.Preference.BorrowingOverPreemption).build())
            .addAdmissionCheck(AdmissionCheckRule.builder().name("provisioning").addOnFlavor("h100").build())
            .stopPolicy(StopPolicy.Hold)
            .fairSharingWeight(Quantity.parse("500m"))
            .build())
        .addLocalQueue(LocalQueue.of("ml", "training", "gpu"))
        .addWorkloadPriorityClass(WorkloadPriorityClass.builder().name("high").value(1000).description("production training").build())
        .build();
  }

  public static NodeState gpuNode(String name, String product, String block, String rack, int gpus) {
    return NodeState.builder().name(name)
        .putLabel(QueueRecipeOptions.NVIDIA_GPU_PRODUCT, product)
        .putLabel("cloud.provider.com/topology-block", block).putLabel("cloud.provider.com/topology-rack", rack)
        .putLabel(Topology.HOSTNAME, name)
        .addTaint(Taint.of("nvidia.com/gpu", "present", TaintEffect.NoSchedule))
        .allocatable(ResourceList.of("cpu", "96", "memory", "1Ti", "nvidia.com/gpu", String.valueOf(gpus), "pods", "110"))
        .build();
  }

  /** Two H100 nodes in two racks, one A100 node, a cordoned H100 node and a CPU node. */
  public static Cluster gpuCluster() {
    return Cluster.builder()
        .addNode(gpuNode("h100-a", "NVIDIA-H100-80GB-HBM3", "b1", "r1", 8))
        .addNode(gpuNode("h100-b", "NVIDIA-H100-80GB-HBM3", "b1", "r2", 8))
        .addNode(gpuNode("a100-a", "NVIDIA-A100-SXM4-80GB", "b2", "r3", 4))
        .addNode(gpuNode("h100-cordoned", "NVIDIA-H100-80GB-HBM3", "b1", "r2", 8).withUnschedulable(true))
        .addNode(NodeState.builder().name("cpu-1").allocatable(ResourceList.of("cpu", "32", "memory", "128Gi")).build())
        .build();
  }
}
