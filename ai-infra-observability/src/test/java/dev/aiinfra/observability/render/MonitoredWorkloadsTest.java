package dev.aiinfra.observability.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.ReadLimits;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import dev.aiinfra.observability.model.workload.WorkloadKind;
import dev.aiinfra.scheduling.model.GangTarget;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitoredWorkloadsTest {
  static List<MonitoredWorkload> read() throws IOException {
    try (InputStream in = MonitoredWorkloadsTest.class.getResourceAsStream("workloads.yaml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<HasMetadata> objects = ManifestReader.with(ReadLimits.defaults().withAllowUnknownKinds(true)).readString("workloads.yaml", text).stream()
          .map(SourcedObject::object).toList();
      return MonitoredWorkloads.from(objects);
    }
  }

  /** The serving module's golden output: what the SDK renders for a disaggregated and a multi-node deployment. */
  static List<MonitoredWorkload> servingGoldens() throws IOException {
    List<HasMetadata> objects = new java.util.ArrayList<>();
    for (String golden : List.of("serve-disaggregatedset.yaml", "lws-multi-node.yaml")) {
      java.nio.file.Path p = java.nio.file.Path.of("..", "ai-infra-serving", "src", "test", "resources", "golden", golden);
      ManifestReader.with(ReadLimits.defaults().withAllowUnknownKinds(true)).readString(golden, java.nio.file.Files.readString(p)).stream()
          .map(SourcedObject::object).forEach(objects::add);
    }
    return MonitoredWorkloads.from(objects);
  }

  @Test
  void the_workloads_the_sdk_renders_for_serving_are_read_with_their_roles_and_gpus() throws IOException {
    List<MonitoredWorkload> ws = servingGoldens();
    assertThat(ws).extracting(MonitoredWorkload::kind).containsExactly(WorkloadKind.DISAGGREGATED_SET, WorkloadKind.LEADER_WORKER_SET);
    assertThat(ws.get(0).roles()).containsExactly("prefill", "decode");
    assertThat(ws.get(0).metricsPort()).isEqualTo("http");
    assertThat(ws).allMatch(w -> w.gpusPerPod() > 0);
  }

  @Test
  void every_supported_workload_in_the_input_is_read_and_a_plain_job_is_not() throws IOException {
    assertThat(read()).extracting(MonitoredWorkload::kind, MonitoredWorkload::name).containsExactly(
        org.assertj.core.groups.Tuple.tuple(WorkloadKind.JOBSET, "pretrain"),
        org.assertj.core.groups.Tuple.tuple(WorkloadKind.LEADER_WORKER_SET, "qwen"),
        org.assertj.core.groups.Tuple.tuple(WorkloadKind.STATEFUL_SET, "embedder"),
        org.assertj.core.groups.Tuple.tuple(WorkloadKind.INDEXED_JOB, "eval"),
        org.assertj.core.groups.Tuple.tuple(WorkloadKind.DEPLOYMENT, "router"));
  }

  @Test
  void gpus_ports_roles_and_pod_counts_come_from_the_pod_templates() throws IOException {
    MonitoredWorkload pretrain = read().get(0);
    assertThat(pretrain.gpusPerPod()).isEqualTo(8);
    assertThat(pretrain.metricsPort()).isEqualTo("metrics");
    assertThat(pretrain.roles()).containsExactly("workers");
    assertThat(pretrain.pods()).hasValue(8);
    MonitoredWorkload qwen = read().get(1);
    assertThat(qwen.metricsPort()).isEqualTo("http");
    assertThat(qwen.gpusPerPod()).isEqualTo(4);
    assertThat(qwen.pods()).hasValue(4);
  }

  @Test
  void the_gang_implementation_and_its_timeout_are_read_from_labels_and_the_pod_group() throws IOException {
    assertThat(read().get(0).gang()).hasValue(GangTarget.COSCHEDULING);
    assertThat(read().get(0).gangTimeoutSeconds()).hasValue(900);
    assertThat(read().get(1).gang()).hasValue(GangTarget.KUEUE);
    assertThat(read().get(1).queueName()).hasValue("serving-q");
    assertThat(read().get(4).gang()).isEmpty();
  }

  @Test
  void a_labelled_service_exposing_the_metrics_port_makes_a_service_monitor() throws IOException {
    assertThat(read().get(2).serviceLabels()).isEqualTo(Map.of("app.kubernetes.io/name", "embedder"));
    assertThat(read().get(2).podSelector()).isEqualTo(Map.of("app", "embedder"));
    assertThat(read().get(4).serviceLabels()).isEmpty();
  }
}
