package dev.aiinfra.observability.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.shared.SharedData;
import dev.aiinfra.observability.model.rules.AlertRule;
import dev.aiinfra.observability.model.rules.RecordingRule;
import dev.aiinfra.observability.model.rules.RuleGroup;
import dev.aiinfra.observability.model.rules.RuleSet;
import dev.aiinfra.observability.promtool.Promtool;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusRuleRendererTest {
  static RuleSet sample() {
    return RuleSet.builder().name("sample").namespace("monitoring").putLabel("release", "kube-prometheus-stack")
        .addGroup(RuleGroup.builder().name("sample.rules").interval("30s")
            .addRule(RecordingRule.builder().record("namespace:kube_pod_status_phase:sum").expr("sum by (namespace, phase) (kube_pod_status_phase)").build())
            .addRule(AlertRule.builder().alert("PodsPending").expr("namespace:kube_pod_status_phase:sum{phase=\"Pending\"} > 0").forDuration("15m")
                .keepFiringFor("5m").putLabel("severity", "warning").putAnnotation("summary", "pods pending in {{ $labels.namespace }}").build())
            .build())
        .build();
  }

  @Test
  void a_prometheus_rule_matches_its_golden() {
    Golden.assertMatches("prometheusrule-sample.yaml", ManifestBundle.of(PrometheusRuleRenderer.render(sample())).toYaml());
  }

  @Test
  void a_rule_file_matches_its_golden() {
    Golden.assertMatches("rulefile-sample.yaml", RuleFileRenderer.render(sample()));
  }

  @Test
  void the_prometheus_rule_is_valid_against_its_crd() {
    assertThat(SharedData.crds().validate(PrometheusRuleRenderer.render(sample()))).isEmpty();
  }

  @Test
  void the_rule_file_passes_promtool_check_rules() {
    Promtool.Result r = Promtool.checkRules(Map.of("sample.yml", RuleFileRenderer.render(sample())));
    assertThat(r.ok()).as(r.output()).isTrue();
  }
}
