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
  void theHpaForADecodeLeaderWorkerSetMatchesItsGolden() {
    HpaRenderer.RenderedHpa r = HpaRenderer.render(spec(), "qwen3-decode", "serving", "leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet", "qwen3-decode");
    Golden.assertMatches("hpa-decode.yaml", ManifestBundle.of(r.hpa()).toYaml());
  }

  @Test
  void targetsAreDividedByTheStartupHeadroomAndTheScaleDownToleranceMatchesTheController() {
    String yaml = ManifestBundle.of(HpaRenderer.render(spec(), "h", "serving", "apps/v1", "Deployment", "d").hpa()).toYaml();
    // 10 / 1.2 = 8.333 → 8333m; 0.8 / 1.2 → 667m; down tolerance 1 − 1.2 × 0.7 = 0.16 → 160m
    assertThat(yaml).contains("averageValue: 8333m").contains("averageValue: 667m").contains("tolerance: 160m").contains("tolerance: 100m");
  }

  @Test
  void whatTheHpaCannotExpressIsNamed() {
    assertThat(HpaRenderer.render(spec().withMinReplicas(0), "h", "serving", "apps/v1", "Deployment", "d").diagnostics())
        .extracting(Diagnostic::code)
        .contains("AUTOSCALE_HPA_MIN_ONE", "AUTOSCALE_HPA_NO_COOLDOWN", "AUTOSCALE_HPA_LATENCY_SIGNAL", "AUTOSCALE_HPA_TOLERANCE_GATE");
  }

  @Test
  void quantitiesUseMilliUnits() {
    assertThat(HpaRenderer.quantity(8)).isEqualTo("8");
    assertThat(HpaRenderer.quantity(0.1)).isEqualTo("100m");
    assertThat(HpaRenderer.quantity(8.3333333)).isEqualTo("8333m");
  }
}
