package dev.aiinfra.observability.policy.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.shared.SharedData;
import dev.aiinfra.observability.render.PrometheusRuleRenderer;
import org.junit.jupiter.api.Test;

class ServingSloRenderTest {
  @Test
  void the_slo_prometheus_rule_of_a_disaggregated_vllm_deployment_matches_its_golden() {
    Golden.assertMatches("prometheusrule-serving-slo.yaml", ManifestBundle.of(PrometheusRuleRenderer.render(ServingSloRules.of(SloFixtures.slo()).rules())).toYaml());
  }

  @Test
  void the_slo_prometheus_rule_matches_the_prometheus_operator_crd_schema() {
    assertThat(SharedData.crds().validate(PrometheusRuleRenderer.render(ServingSloRules.of(SloFixtures.slo()).rules()))).isEmpty();
  }
}
