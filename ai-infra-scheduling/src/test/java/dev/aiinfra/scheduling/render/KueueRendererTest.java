package dev.aiinfra.scheduling.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.shared.SharedData;
import dev.aiinfra.scheduling.model.kueue.ClusterQueue;
import dev.aiinfra.scheduling.model.kueue.KueueFixtures;
import dev.aiinfra.scheduling.model.kueue.KueueObjects;
import dev.aiinfra.scheduling.model.kueue.QueueRecipeOptions;
import dev.aiinfra.scheduling.model.kueue.ResourceFlavor;
import dev.aiinfra.scheduling.model.kueue.WorkloadPriorityClass;
import dev.aiinfra.scheduling.policy.kueue.GpuQueueRecipe;
import dev.aiinfra.scheduling.policy.kueue.QueueRecipe;
import dev.aiinfra.scheduling.read.KueueReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

/** Kueue objects as {@code kueue.x-k8s.io/v1beta2} YAML: golden files, the CRD schemas, the reader's round trip. */
class KueueRendererTest {
  @Test
  void a_gpu_queue_set_renders_to_its_golden_yaml_in_apply_order() {
    ManifestBundle b = KueueRenderer.bundle(KueueFixtures.gpuQueueSet());
    Golden.assertMatches("kueue-gpu-queue-set.yaml", b.toYaml());
    assertThat(b.objects()).extracting(HasMetadata::getKind)
        .containsExactly("WorkloadPriorityClass", "Topology", "ResourceFlavor", "Cohort", "ClusterQueue", "LocalQueue");
  }

  @Test
  void every_rendered_kind_matches_its_crd_schema() {
    for (HasMetadata o : KueueRenderer.bundle(KueueFixtures.gpuQueueSet()).objects()) {
      assertThat(SharedData.crds().validate(o)).as(o.getKind()).isEmpty();
    }
  }

  @Test
  void a_rendered_queue_set_reads_back_to_the_same_values() {
    KueueObjects set = KueueFixtures.gpuQueueSet();
    assertThat(KueueReader.readString("bundle.yaml", KueueRenderer.bundle(set).toYaml())).isEqualTo(set);
  }

  @Test
  void kueues_defaults_are_not_written() {
    assertThat(ManifestBundle.of(KueueRenderer.render(ClusterQueue.builder().name("gpu").build())).toYaml())
        .isEqualTo("apiVersion: kueue.x-k8s.io/v1beta2\nkind: ClusterQueue\nmetadata:\n  name: gpu\nspec: {}\n");
  }

  @Test
  void an_empty_namespace_selector_is_written_since_it_admits_every_namespace() {
    String yaml = ManifestBundle.of(KueueRenderer.render(ClusterQueue.builder().name("gpu")
        .namespaceSelector(LabelSelector.builder().build()).build())).toYaml();
    assertThat(yaml).contains("namespaceSelector: {}");
  }

  @Test
  void a_priority_class_keeps_its_value_beside_the_metadata() {
    assertThat(ManifestBundle.of(KueueRenderer.render(WorkloadPriorityClass.of("low", -5))).toYaml())
        .isEqualTo("apiVersion: kueue.x-k8s.io/v1beta2\nkind: WorkloadPriorityClass\nmetadata:\n  name: low\nvalue: -5\n");
  }

  @Test
  void a_bundle_kueue_would_refuse_is_not_rendered() {
    KueueObjects bad = KueueObjects.builder().addResourceFlavor(ResourceFlavor.builder().name("h100").topologyName("t").build()).build();
    assertThatThrownBy(() -> KueueRenderer.bundle(bad)).isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("ResourceFlavor h100: spec: Invalid value")
        .hasMessageContaining("at least one nodeLabel is required when topology is set");
  }

  @Test
  void the_gpu_queue_recipe_renders_to_its_golden_yaml() {
    QueueRecipe r = GpuQueueRecipe.derive(KueueFixtures.gpuCluster(), QueueRecipeOptions.builder().namespace("ml").cohort("research").build());
    ManifestBundle b = KueueRenderer.bundle(r.objects());
    Golden.assertMatches("kueue-gpu-recipe.yaml", b.toYaml());
    for (HasMetadata o : b.objects()) {
      assertThat(SharedData.crds().validate(o)).as(o.getKind()).isEmpty();
    }
  }
}
