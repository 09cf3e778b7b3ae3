package dev.aiinfra.observability.render.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.observability.model.engine.ServingEngine;
import dev.aiinfra.observability.policy.slo.SloFixtures;
import dev.aiinfra.serving.model.ServingCode;
import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusAdapterRendererTest {
  static PrometheusAdapterRenderer.RenderedAdapter decode() {
    return PrometheusAdapterRenderer.render(SloFixtures.decodeAutoscaler(), ServingEngine.VLLM, ScaledObjectRendererTest.DECODE, "monitoring");
  }

  @Test
  void the_adapter_rules_and_hpa_for_a_decode_leader_worker_set_match_their_golden() {
    Golden.assertMatches("prometheus-adapter-decode.yaml", ManifestBundle.of(decode().rules(), decode().hpa()).toYaml());
  }

  @Test
  void the_adapter_serves_each_per_pod_metric_under_the_name_the_hpa_reads() {
    AutoscalerSpec a = SloFixtures.decodeAutoscaler();
    String config = ((ConfigMap) decode().rules()).getData().get("config.yaml");
    assertThat(ScaledObjectRendererTest.hpaTargets(decode().hpa()).keySet()).containsExactlyInAnyOrder(a.queueMetric(), a.kvCacheMetric());
    assertThat(config).contains("as: " + a.queueMetric()).contains("as: " + a.kvCacheMetric())
        .contains("as: " + PrometheusAdapterRenderer.externalMetric("ttft"));
  }

  @Test
  void the_latency_slo_becomes_an_external_metric_of_the_hpa() {
    List<Map<String, Object>> metrics = ScaledObjectRendererTest.list(ScaledObjectRendererTest.spec(decode().hpa()).get("metrics"));
    Map<String, Object> external = ScaledObjectRendererTest.map(metrics.get(metrics.size() - 1).get("external"));
    assertThat(ScaledObjectRendererTest.map(external.get("metric"))).containsEntry("name", "serving_ttft_seconds_p90");
    assertThat(ScaledObjectRendererTest.map(external.get("target"))).containsEntry("type", "Value").containsEntry("value", "1");
    assertThat(decode().diagnostics()).extracting(Diagnostic::code).doesNotContain(ServingCode.AUTOSCALE_HPA_LATENCY_SIGNAL.name())
        .contains(ServingCode.AUTOSCALE_HPA_NO_COOLDOWN.name());
  }

  @Test
  void quantities_use_milli_units_like_the_hpa() {
    assertThat(PrometheusAdapterRenderer.milli(0.3)).isEqualTo("300m");
    assertThat(PrometheusAdapterRenderer.milli(2)).isEqualTo("2");
  }
}
