package dev.aiinfra.serving.render.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import org.junit.jupiter.api.Test;

class HpaRendererTest {
  static AutoscalerSpec spec() {
    return AutoscalerSpec.builder().minReplicas(2).maxReplicas(16).queueDepthPerReplica(10).kvCacheUtilisation(0.8).kvCacheCapacityPerReplica(1)
        .ttftSloMs(300).build();
  }

  @Test
  void the_hpa_for_a_decode_leader_worker_set_matches_its_golden() {
    HpaRenderer.RenderedHpa r = HpaRenderer.render(spec(), "qwen3-decode", "serving", "leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet", "qwen3-decode");
    Golden.assertMatches("hpa-decode.yaml", ManifestBundle.of(r.hpa()).toYaml());
  }

  @Test
  void targets_are_divided_by_the_startup_headroom_and_the_scale_down_tolerance_matches_the_controller() {
    String yaml = ManifestBundle.of(HpaRenderer.render(spec(), "h", "serving", "apps/v1", "Deployment", "d").hpa()).toYaml();
    // 10 / 1.2 = 8.333 → 8333m; 0.8 / 1.2 → 667m; down tolerance 1 − 1.2 × 0.7 = 0.16 → 160m
    assertThat(yaml).contains("averageValue: 8333m").contains("averageValue: 667m").contains("tolerance: 160m").contains("tolerance: 100m");
  }

  @Test
  void what_the_hpa_cannot_express_is_named() {
    assertThat(HpaRenderer.render(spec().withMinReplicas(0), "h", "serving", "apps/v1", "Deployment", "d").diagnostics())
        .extracting(Diagnostic::code)
        .contains("AUTOSCALE_HPA_MIN_ONE", "AUTOSCALE_HPA_NO_COOLDOWN", "AUTOSCALE_HPA_LATENCY_SIGNAL", "AUTOSCALE_HPA_TOLERANCE_GATE");
  }

  @Test
  void quantities_use_milli_units() {
    assertThat(HpaRenderer.quantity(8)).isEqualTo("8");
    assertThat(HpaRenderer.quantity(0.1)).isEqualTo("100m");
    assertThat(HpaRenderer.quantity(8.3333333)).isEqualTo("8333m");
  }
}
