package dev.aiinfra.dra.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.dra.model.DeviceResult;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import dev.aiinfra.dra.policy.AllocatedDevices;
import dev.aiinfra.dra.policy.AllocationOutcome;
import dev.aiinfra.dra.policy.AllocatorFeatures;
import dev.aiinfra.dra.policy.DeviceAllocator;
import dev.aiinfra.dra.policy.DraCluster;
import dev.aiinfra.dra.read.DraInputs;
import dev.aiinfra.dra.read.DraReader;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DraRecipesTest {

  private static AllocationOutcome allocateOnExampleHardware(DraRecipe r) {
    DraCluster cluster = DraCluster.builder().addAllSlices(r.exampleSlices()).addAllClasses(r.classes()).build();
    List<ResourceClaimSpec> claims = r.claims().stream().map(t -> t.withTemplate(false).withName("pod-" + t.name())).toList();
    return DeviceAllocator.of(cluster, AllocatorFeatures.all()).allocate("node-a", claims, AllocatedDevices.none());
  }

  private static PodTemplate gpuPod() {
    return PodTemplate.builder()
        .addContainers(ContainerSpec.builder().name("trainer").image("registry.example.com/train:latest")
            .requests(ResourceList.of("cpu", "16", "nvidia.com/gpu", "8")).limits(ResourceList.of("nvidia.com/gpu", "8")).build())
        .addContainers(ContainerSpec.builder().name("sidecar").image("registry.example.com/log:latest").requests(ResourceList.empty()).build())
        .build();
  }

  @Test
  void gpu_nic_pairs_render_as_golden() {
    Golden.assertMatches("recipe-gpu-nic-pairs.yaml", DraRecipes.gpuNicPairs(2).toYaml());
  }

  @Test
  void gpu_nic_pairs_are_aligned_on_the_example_hardware() {
    AllocationOutcome o = allocateOnExampleHardware(DraRecipes.gpuNicPairs(8));
    assertThat(o.satisfiable()).isTrue();
    assertThat(o.claims().get(0).allocation().results()).hasSize(16);
  }

  @Test
  void nvlink_domain_renders_as_golden_and_keeps_gpus_in_one_domain() {
    DraRecipe r = DraRecipes.nvlinkDomain(4);
    Golden.assertMatches("recipe-nvlink-domain.yaml", r.toYaml());
    AllocationOutcome o = allocateOnExampleHardware(r);
    assertThat(o.claims().get(0).allocation().results().stream().map(DeviceResult::device).toList())
        .containsExactly("gpu-0", "gpu-2", "gpu-4", "gpu-6");
  }

  @Test
  void shared_gpu_memory_renders_as_golden_and_consumes_rounded_capacity() {
    DraRecipe r = DraRecipes.sharedGpuMemory("20Gi");
    Golden.assertMatches("recipe-shared-gpu-memory.yaml", r.toYaml());
    DeviceResult result = allocateOnExampleHardware(r).claims().get(0).allocation().results().get(0);
    assertThat(result.consumedCapacity().get("memory").toString()).isEqualTo("24Gi");
  }

  @Test
  void partitions_render_as_golden_and_pick_the_smallest_fitting_partition_first_in_slice_order() {
    DraRecipe r = DraRecipes.partitions("40Gi");
    Golden.assertMatches("recipe-gpu-partitions.yaml", r.toYaml());
    assertThat(allocateOnExampleHardware(r).claims().get(0).allocation().results().get(0).device()).isEqualTo("gpu-0-whole");
  }

  @Test
  void extended_resource_migration_moves_gpu_requests_to_a_claim_template() {
    DraRecipe r = DraRecipes.extendedResourceMigration(gpuPod());
    Golden.assertMatches("recipe-extended-resource-migration.yaml", r.toYaml());
    PodTemplate pod = r.podTemplate().orElseThrow();
    ContainerSpec trainer = pod.containers().get(0);
    assertThat(trainer.requests().has("nvidia.com/gpu")).isFalse();
    assertThat(trainer.limits().has("nvidia.com/gpu")).isFalse();
    assertThat(trainer.claims()).hasSize(1);
    assertThat(pod.containers().get(1).claims()).isEmpty();
    assertThat(r.classes().get(0).extendedResourceName()).contains("nvidia.com/gpu");
    assertThat(r.claims().get(0).devices().requests().get(0).exactly().orElseThrow().count()).isEqualTo(8);
  }

  @Test
  void every_recipe_reads_back_to_the_same_values() {
    for (DraRecipe r : List.of(DraRecipes.gpuNicPairs(2), DraRecipes.nvlinkDomain(4), DraRecipes.sharedGpuMemory("20Gi"),
        DraRecipes.partitions("40Gi"), DraRecipes.extendedResourceMigration(gpuPod()))) {
      String yaml = r.manifests().toYaml() + "---\n" + r.exampleSlices().stream()
          .map(s -> dev.aiinfra.core.render.ManifestWriter.yaml(DraManifests.resourceSlice(s))).collect(Collectors.joining("---\n"));
      DraInputs back = DraReader.read(dev.aiinfra.core.read.ManifestReader.withDefaults().readString(r.name() + ".yaml", yaml));
      assertThat(back.classes()).as(r.name()).isEqualTo(r.classes());
      assertThat(back.templates()).as(r.name()).isEqualTo(r.claims());
      assertThat(back.slices()).as(r.name()).isEqualTo(r.exampleSlices());
    }
  }
}
