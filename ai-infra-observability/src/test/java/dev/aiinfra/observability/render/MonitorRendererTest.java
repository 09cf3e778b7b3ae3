package dev.aiinfra.observability.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.shared.SharedData;
import dev.aiinfra.observability.model.MonitoringOptions;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import dev.aiinfra.observability.model.workload.WorkloadKind;
import dev.aiinfra.observability.policy.WorkloadMonitors;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitorRendererTest {
  static MonitoredWorkload jobSet() {
    return MonitoredWorkload.builder().kind(WorkloadKind.JOBSET).name("llama-pretrain").namespace("training").gpusPerPod(8).build();
  }

  static MonitoredWorkload servedStatefulSet() {
    return MonitoredWorkload.builder().kind(WorkloadKind.STATEFUL_SET).name("embedder").namespace("serving")
        .putPodSelector("app", "embedder").putServiceLabel("app", "embedder").metricsPort("http-metrics").build();
  }

  static MonitoringOptions options() {
    return MonitoringOptions.builder().putObjectLabel("release", "kube-prometheus-stack").build();
  }

  @Test
  void a_pod_monitor_for_a_jobset_matches_its_golden() {
    Golden.assertMatches("podmonitor-jobset.yaml", ManifestBundle.of(MonitorRenderer.render(WorkloadMonitors.monitor(jobSet(), options()))).toYaml());
  }

  @Test
  void a_service_monitor_for_a_statefulset_behind_a_service_matches_its_golden() {
    Golden.assertMatches("servicemonitor-statefulset.yaml",
        ManifestBundle.of(MonitorRenderer.render(WorkloadMonitors.monitor(servedStatefulSet(), options()))).toYaml());
  }

  @Test
  void every_workload_kind_renders_a_monitor_valid_against_the_prometheus_operator_crds() {
    for (WorkloadKind kind : WorkloadKind.values()) {
      MonitoredWorkload.Builder b = MonitoredWorkload.builder().kind(kind).name("w-" + kind.ordinal()).namespace("ns");
      if (kind == WorkloadKind.STATEFUL_SET || kind == WorkloadKind.DEPLOYMENT) {
        b.podSelector(Map.of("app", "w"));
      }
      MonitoredWorkload w = b.build();
      for (MonitoredWorkload variant : new MonitoredWorkload[] {w, MonitoredWorkload.builder().from(w).putServiceLabel("app", "w").build()}) {
        assertThat(SharedData.crds().validate(MonitorRenderer.render(WorkloadMonitors.monitor(variant, options())))).as(kind.name()).isEmpty();
      }
    }
  }

  @Test
  void the_shared_crds_hold_the_keda_scaled_object_schema_for_the_autoscaling_objects() {
    assertThat(SharedData.crds().schema("keda.sh/v1alpha1", "ScaledObject")).isPresent();
    assertThat(SharedData.crds().schema("monitoring.coreos.com/v1", "PrometheusRule")).isPresent();
  }
}
