package dev.aiinfra.scheduling.policy.kueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.core.model.inventory.NodeState;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.SchedulingCode;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.kueue.ClusterQueue;
import dev.aiinfra.scheduling.model.kueue.KueueFixtures;
import dev.aiinfra.scheduling.model.kueue.LocalQueue;
import dev.aiinfra.scheduling.model.kueue.QueueRecipeOptions;
import dev.aiinfra.scheduling.model.kueue.ResourceFlavor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The GPU queue recipe: flavors by accelerator, topology from node labels, quotas from allocatable. */
class GpuQueueRecipeTest {
  static Cluster cluster() {
    return KueueFixtures.gpuCluster();
  }

  @Test
  void each_accelerator_becomes_a_flavor_named_after_it() {
    QueueRecipe r = GpuQueueRecipe.derive(cluster(), QueueRecipeOptions.defaults());
    assertThat(r.objects().resourceFlavors()).extracting(ResourceFlavor::name).containsExactly("nvidia-a100-sxm4-80gb", "nvidia-h100-80gb-hbm3");
    assertThat(r.objects().resourceFlavor("nvidia-h100-80gb-hbm3").orElseThrow().nodeLabels())
        .isEqualTo(Map.of(QueueRecipeOptions.NVIDIA_GPU_PRODUCT, "NVIDIA-H100-80GB-HBM3"));
    assertThat(r.objects().resourceFlavors()).allSatisfy(f -> assertThat(f.topologyName()).contains("gpu-topology"));
  }

  @Test
  void a_flavors_quota_is_the_allocatable_of_its_ready_schedulable_nodes() {
    QueueRecipe r = GpuQueueRecipe.derive(cluster(), QueueRecipeOptions.defaults());
    RecipeFlavor h100 = r.flavors().get(1);
    assertThat(h100.nodes()).containsExactly("h100-a", "h100-b");
    assertThat(h100.quota()).containsExactly(Map.entry("cpu", Quantity.of(192)), Map.entry("memory", Quantity.parse("2Ti")),
        Map.entry("nvidia.com/gpu", Quantity.of(16)));
    assertThat(r.coveredResources()).containsExactly("cpu", "memory", "nvidia.com/gpu");
  }

  @Test
  void a_cordoned_gpu_node_is_left_out_with_a_note() {
    QueueRecipe r = GpuQueueRecipe.derive(cluster(), QueueRecipeOptions.defaults());
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("KUEUE_RECIPE_NODES_SKIPPED");
    assertThat(r.diagnostics().get(0).message()).contains("h100-cordoned");
  }

  @Test
  void the_topology_is_detected_from_the_block_and_rack_labels() {
    QueueRecipe r = GpuQueueRecipe.derive(cluster(), QueueRecipeOptions.defaults());
    assertThat(r.topologySource()).isEqualTo("block-rack");
    assertThat(r.objects().topologies()).containsExactly(Topology.of("gpu-topology",
        List.of("cloud.provider.com/topology-block", "cloud.provider.com/topology-rack", Topology.HOSTNAME)));
  }

  @Test
  void without_known_topology_labels_the_topology_is_the_hostname() {
    Cluster c = Cluster.builder().addNode(NodeState.builder().name("g").putLabel(QueueRecipeOptions.NVIDIA_GPU_PRODUCT, "L4")
        .putLabel(Topology.HOSTNAME, "g").allocatable(ResourceList.of("nvidia.com/gpu", "1")).build()).build();
    QueueRecipe r = GpuQueueRecipe.derive(c, QueueRecipeOptions.defaults());
    assertThat(r.topologyLevels()).containsExactly(Topology.HOSTNAME);
    assertThat(r.topologySource()).isEqualTo("hostname");
    assertThat(r.diagnostics()).isEmpty();
  }

  @Test
  void given_levels_the_nodes_lack_are_warned_about() {
    QueueRecipe r = GpuQueueRecipe.derive(cluster(), QueueRecipeOptions.builder().addTopologyLevels("example.com/pod", Topology.HOSTNAME).build());
    assertThat(r.topologySource()).isEqualTo("given");
    assertThat(r.diagnostics()).filteredOn(d -> d.code().equals("KUEUE_RECIPE_NODES_WITHOUT_LEVELS"))
        .extracting(Diagnostic::message).containsExactly(
            "1 of 1 node(s) of flavor nvidia-a100-sxm4-80gb lack the topology label example.com/pod, so Kueue's TAS leaves them out: a100-a",
            "2 of 2 node(s) of flavor nvidia-h100-80gb-hbm3 lack the topology label example.com/pod, so Kueue's TAS leaves them out: h100-a, h100-b");
  }

  @Test
  void a_taint_every_node_of_a_flavor_carries_is_tolerated_by_the_flavor() {
    ResourceFlavor f = GpuQueueRecipe.derive(cluster(), QueueRecipeOptions.defaults()).objects().resourceFlavors().get(0);
    assertThat(f.tolerations()).containsExactly(Toleration.equal("nvidia.com/gpu", "present", TaintEffect.NoSchedule));
  }

  @Test
  void one_cluster_queue_open_to_every_namespace_and_a_local_queue_are_derived() {
    QueueRecipe r = GpuQueueRecipe.derive(cluster(), QueueRecipeOptions.builder().queueName("training").namespace("ml").cohort("research").build());
    ClusterQueue q = r.objects().clusterQueue("training").orElseThrow();
    assertThat(q.namespaceSelector()).hasValueSatisfying(s -> assertThat(s.matchLabels()).isEmpty());
    assertThat(q.cohortName()).contains("research");
    assertThat(q.flavorNames()).containsExactly("nvidia-a100-sxm4-80gb", "nvidia-h100-80gb-hbm3");
    assertThat(r.objects().localQueues()).containsExactly(LocalQueue.of("ml", "training", "training"));
    assertThat(r.objects().cohorts()).extracting(c -> c.name()).containsExactly("research");
    assertThat(KueueValidation.validate(r.objects())).isEmpty();
  }

  @Test
  void a_cluster_without_gpu_nodes_derives_nothing_and_says_why() {
    QueueRecipe r = GpuQueueRecipe.derive(Cluster.builder().addNode(cluster().nodes().get(4)).build(), QueueRecipeOptions.defaults());
    assertThat(r.derived()).isFalse();
    assertThat(r.objects().isEmpty()).isTrue();
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(SchedulingCode.KUEUE_RECIPE_NO_ACCELERATOR_NODES.name());
  }

  @Test
  void accelerator_values_that_differ_only_in_case_get_distinct_flavor_names() {
    Cluster c = Cluster.builder()
        .addNode(NodeState.builder().name("a").putLabel("gpu", "T4").allocatable(ResourceList.of("nvidia.com/gpu", "1")).build())
        .addNode(NodeState.builder().name("b").putLabel("gpu", "t4").allocatable(ResourceList.of("nvidia.com/gpu", "1")).build()).build();
    assertThat(GpuQueueRecipe.derive(c, QueueRecipeOptions.builder().acceleratorLabel("gpu").build()).objects().resourceFlavors())
        .extracting(ResourceFlavor::name).containsExactly("t4", "t4-2");
  }

  @Test
  void options_with_names_kueue_would_refuse_are_refused() {
    assertThatThrownBy(() -> QueueRecipeOptions.builder().queueName("GPU Queue").namespace("ML").build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.violations()).extracting(v -> v.field())
            .contains("queueName", "namespace"));
  }
}
