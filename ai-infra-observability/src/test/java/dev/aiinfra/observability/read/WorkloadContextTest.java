package dev.aiinfra.observability.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.ReadLimits;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import dev.aiinfra.observability.model.workload.WorkloadKind;
import dev.aiinfra.scheduling.model.GangTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadContextTest {
  static WorkloadContext context() throws IOException {
    try (InputStream in = WorkloadContextTest.class.getResourceAsStream("workloads.yaml")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return WorkloadContext.of(ManifestReader.with(ReadLimits.defaults().withAllowUnknownKinds(true)).readString("workloads.yaml", text).stream()
          .map(SourcedObject::object).toList());
    }
  }

  static MonitoredWorkload workload(WorkloadKind kind, String name, String namespace) {
    MonitoredWorkload.Builder b = MonitoredWorkload.builder().kind(kind).name(name).namespace(namespace);
    if (kind == WorkloadKind.STATEFUL_SET || kind == WorkloadKind.DEPLOYMENT) {
      b.putPodSelector("app", name);
    }
    return b.build();
  }

  @Test
  void a_labelled_service_selecting_the_pods_and_exposing_the_metrics_port_makes_a_service_monitor() throws IOException {
    MonitoredWorkload embedder = MonitoredWorkload.builder().from(workload(WorkloadKind.STATEFUL_SET, "embedder", "serving")).metricsPort("http-metrics")
        .build();
    assertThat(context().enrich(embedder).serviceLabels()).isEqualTo(Map.of("app.kubernetes.io/name", "embedder"));
  }

  @Test
  void a_service_that_does_not_expose_the_metrics_port_is_not_used() throws IOException {
    assertThat(context().enrich(workload(WorkloadKind.STATEFUL_SET, "embedder", "serving")).serviceLabels()).isEmpty();
  }

  @Test
  void the_coscheduling_pod_groups_timeout_becomes_the_gangs_timeout() throws IOException {
    MonitoredWorkload pretrain = context().enrich(workload(WorkloadKind.JOBSET, "pretrain", "training"));
    assertThat(pretrain.gangTimeoutSeconds()).hasValue(900);
    assertThat(pretrain.pods()).hasValue(8);
  }

  @Test
  void the_kueue_queue_on_the_workload_object_makes_it_a_kueue_gang() throws IOException {
    MonitoredWorkload qwen = context().enrich(workload(WorkloadKind.LEADER_WORKER_SET, "qwen", "serving"));
    assertThat(qwen.gang()).hasValue(GangTarget.KUEUE);
    assertThat(qwen.queueName()).hasValue("serving-q");
    assertThat(qwen.pods()).hasValue(4);
  }

  @Test
  void a_workload_not_in_the_manifests_is_left_as_it_is() throws IOException {
    MonitoredWorkload other = workload(WorkloadKind.DEPLOYMENT, "elsewhere", "serving");
    assertThat(context().enrich(other)).isEqualTo(other);
  }
}
