package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.scheduling.model.kueue.KueueObjects;
import dev.aiinfra.scheduling.read.KueueReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code ai-infra kueue recipe}: the table for people, the objects for kubectl, and refusals for bad options. */
class KueueRecipeCommandTest {
  static String nodes() {
    try {
      return Path.of(KueueRecipeCommandTest.class.getResource("/golden-json/kueue/recipe/input/gpu-nodes.yaml").toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void the_text_output_is_a_table_of_flavors_and_their_quotas() {
    CliRun r = CliRun.run("kueue", "recipe", "-f", nodes());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("FLAVOR", "ACCELERATOR", "NODES", "CPU", "MEMORY", "NVIDIA.COM/GPU")
        .contains("nvidia-h100-80gb-hbm3")
        .contains("topology gpu-topology (block-rack): cloud.provider.com/topology-block, cloud.provider.com/topology-rack, kubernetes.io/hostname")
        .contains("note: KUEUE_RECIPE_NODES_SKIPPED");
  }

  @Test
  void the_yaml_output_is_the_kueue_objects_and_reads_back() {
    CliRun r = CliRun.run("kueue", "recipe", "-f", nodes(), "--queue", "training", "--namespace", "ml", "-o", "yaml");
    assertThat(r.exit).as(r.toString()).isZero();
    KueueObjects objects = KueueReader.readString("out.yaml", r.out);
    assertThat(objects.clusterQueue("training")).isPresent();
    assertThat(objects.localQueue("ml", "training")).isPresent();
    assertThat(objects.resourceFlavors()).hasSize(2);
    assertThat(r.err).contains("note: KUEUE_RECIPE_NODES_SKIPPED");
  }

  @Test
  void given_topology_levels_are_used() {
    CliRun r = CliRun.run("kueue", "recipe", "-f", nodes(), "--topology-levels", "cloud.provider.com/topology-rack,kubernetes.io/hostname", "-o", "yaml");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(KueueReader.readString("out.yaml", r.out).topologies().get(0).levels())
        .containsExactly("cloud.provider.com/topology-rack", "kubernetes.io/hostname");
  }

  @Test
  void a_queue_name_kueue_would_refuse_is_a_usage_error_naming_the_flag() {
    CliRun r = CliRun.run("kueue", "recipe", "-f", nodes(), "--queue", "GPU_Queue");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--queue: Invalid value: \"GPU_Queue\"");
  }

  @Test
  void a_hostname_level_above_another_is_a_usage_error() {
    CliRun r = CliRun.run("kueue", "recipe", "-f", nodes(), "--topology-levels", "kubernetes.io/hostname,rack");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--topology-levels").contains("kubernetes.io/hostname may only be the last level");
  }

  @Test
  void an_input_without_nodes_is_a_usage_error() {
    CliRun r = CliRun.withStdin("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n", "kueue", "recipe", "-f", "-");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("<stdin>: no Node in the input");
  }

  @Test
  void a_node_label_value_kueue_would_refuse_is_an_input_error_naming_the_input() {
    CliRun r = CliRun.withStdin("apiVersion: v1\nkind: Node\nmetadata: {name: n, labels: {nvidia.com/gpu.product: 'NVIDIA L4'}}\n"
        + "status: {allocatable: {nvidia.com/gpu: '1'}}\n", "kueue", "recipe", "-f", "-");
    assertThat(r.exit).as(r.toString()).isEqualTo(2);
    assertThat(r.err).contains("<stdin>", "nodeLabels[nvidia.com/gpu.product]");
  }
}
