package dev.aiinfra.observability.render.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.shared.SharedData;
import dev.aiinfra.observability.model.ObservabilityCode;
import dev.aiinfra.observability.model.autoscale.ScaleTarget;
import dev.aiinfra.observability.model.engine.ServingEngine;
import dev.aiinfra.observability.policy.slo.SloFixtures;
import dev.aiinfra.serving.model.ServingCode;
import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import dev.aiinfra.serving.render.autoscale.HpaRenderer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaledObjectRendererTest {
  static final ScaleTarget DECODE = ScaleTarget.leaderWorkerSet("qwen3-decode", "serving", "decode");

  static ScaledObjectRenderer.RenderedScaler decode(AutoscalerSpec a) {
    return ScaledObjectRenderer.render(a, ServingEngine.VLLM, DECODE, ScaledObjectRenderer.DEFAULT_SERVER);
  }

  @Test
  void the_scaled_object_for_a_decode_leader_worker_set_matches_its_golden() {
    Golden.assertMatches("scaledobject-decode.yaml", ManifestBundle.of(decode(SloFixtures.decodeAutoscaler()).scaledObject().orElseThrow()).toYaml());
  }

  @Test
  void the_scaled_object_matches_the_keda_crd_schema() {
    assertThat(SharedData.crds().validate(decode(SloFixtures.decodeAutoscaler()).scaledObject().orElseThrow())).isEmpty();
    assertThat(SharedData.crds().validate(decode(SloFixtures.decodeAutoscaler().withMinReplicas(0)).scaledObject().orElseThrow())).isEmpty();
  }

  @Test
  void the_load_thresholds_equal_the_hpa_targets_the_autoscaler_derives() {
    AutoscalerSpec a = SloFixtures.decodeAutoscaler();
    Map<String, Double> hpaTargets = hpaTargets(HpaRenderer.render(a, "h", "serving", DECODE.apiVersion(), DECODE.kind(), DECODE.name()).hpa());
    List<Map<String, Object>> triggers = list(spec(decode(a).scaledObject().orElseThrow()).get("triggers"));
    Map<String, Double> kedaTargets = new java.util.TreeMap<>();
    for (Map<String, Object> t : triggers) {
      Map<String, Object> metadata = map(t.get("metadata"));
      kedaTargets.put((String) t.get("name"), Double.parseDouble((String) metadata.get("threshold")));
    }
    // queue 10 / headroom 1.2 and KV 0.8 / 1.2, to the HPA's milli units
    assertThat(kedaTargets.get("queue-depth")).isEqualTo(hpaTargets.get(a.queueMetric())).isEqualTo(8.333);
    assertThat(kedaTargets.get("kv-cache")).isEqualTo(hpaTargets.get(a.kvCacheMetric())).isEqualTo(0.667);
    assertThat(kedaTargets.get("ttft")).isEqualTo(a.ttftSloMs().getAsDouble() / 1000);
  }

  @Test
  void the_hpa_behaviour_is_the_one_the_autoscaler_derives() {
    AutoscalerSpec a = SloFixtures.decodeAutoscaler();
    Object expected = spec(HpaRenderer.render(a, "h", "serving", DECODE.apiVersion(), DECODE.kind(), DECODE.name()).hpa()).get("behavior");
    Map<String, Object> advanced = map(spec(decode(a).scaledObject().orElseThrow()).get("advanced"));
    assertThat(map(advanced.get("horizontalPodAutoscalerConfig")).get("behavior")).isEqualTo(expected);
    Map<String, Object> spec = spec(decode(a).scaledObject().orElseThrow());
    assertThat(number(spec, "minReplicaCount")).isEqualTo(2);
    assertThat(number(spec, "maxReplicaCount")).isEqualTo(16);
  }

  @Test
  void what_keda_cannot_express_is_named() {
    assertThat(decode(SloFixtures.decodeAutoscaler()).diagnostics()).extracting(Diagnostic::code)
        .containsExactlyInAnyOrder(ServingCode.AUTOSCALE_HPA_TOLERANCE_GATE.name(), ServingCode.AUTOSCALE_HPA_NO_COOLDOWN.name(),
            ObservabilityCode.SCALER_LATENCY_SCALES_DOWN.name());
  }

  @Test
  void scale_to_zero_is_keda_s_own_step_but_needs_a_signal_that_exists_without_pods() {
    ScaledObjectRenderer.RenderedScaler r = decode(SloFixtures.decodeAutoscaler().withMinReplicas(0));
    assertThat(number(spec(r.scaledObject().orElseThrow()), "minReplicaCount")).isZero();
    assertThat(number(spec(r.scaledObject().orElseThrow()), "cooldownPeriod")).isEqualTo(300);
    assertThat(r.diagnostics()).extracting(Diagnostic::code)
        .contains(ObservabilityCode.SCALER_ZERO_NEEDS_GATEWAY_SIGNAL.name()).doesNotContain(ServingCode.AUTOSCALE_HPA_MIN_ONE.name());
  }

  @Test
  void a_disaggregated_set_has_no_scale_subresource_so_nothing_is_rendered() {
    ScaleTarget ds = new ScaleTarget("disaggregatedset.x-k8s.io/v1", "DisaggregatedSet", "qwen3", "serving", java.util.Optional.empty());
    ScaledObjectRenderer.RenderedScaler r = ScaledObjectRenderer.render(SloFixtures.decodeAutoscaler(), ServingEngine.VLLM, ds, ScaledObjectRenderer.DEFAULT_SERVER);
    assertThat(r.scaledObject()).isEmpty();
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(ObservabilityCode.SCALER_TARGET_NOT_SCALABLE.name());
      assertThat(d.isError()).isTrue();
    });
  }

  @Test
  void every_metadata_value_is_a_string() {
    for (Map<String, Object> t : ScaledObjectRendererTest.<Map<String, Object>>list(spec(decode(SloFixtures.decodeAutoscaler()).scaledObject().orElseThrow()).get("triggers"))) {
      assertThat(map(t.get("metadata")).values()).allMatch(String.class::isInstance);
    }
  }

  static Map<String, Double> hpaTargets(HasMetadata hpa) {
    Map<String, Double> out = new java.util.TreeMap<>();
    for (Map<String, Object> m : ScaledObjectRendererTest.<Map<String, Object>>list(spec(hpa).get("metrics"))) {
      if (!"Pods".equals(m.get("type"))) {
        continue;
      }
      Map<String, Object> pods = map(m.get("pods"));
      String v = (String) map(pods.get("target")).get("averageValue");
      out.put((String) map(pods.get("metric")).get("name"), v.endsWith("m") ? Double.parseDouble(v.substring(0, v.length() - 1)) / 1000 : Double.parseDouble(v));
    }
    return out;
  }

  static int number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).intValue();
  }

  static Map<String, Object> spec(HasMetadata o) {
    return map(((GenericKubernetesResource) o).getAdditionalProperties().get("spec"));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static <T> List<T> list(Object o) {
    return (List<T>) o;
  }
}
