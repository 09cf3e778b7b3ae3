package dev.aiinfra.observability.policy.slo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.observability.model.rules.AlertRule;
import dev.aiinfra.observability.model.rules.RuleSet;
import dev.aiinfra.observability.promtool.Promtool;
import dev.aiinfra.observability.render.RuleFileRenderer;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The serving SLO rules under {@code promtool}: the rule file passes {@code check rules}, and
 * {@code test rules} shows each alert firing on synthetic series that burn the budget and staying
 * quiet on series that do not (skipped, saying why, when no promtool can be had).
 */
class ServingSloPromtoolTest {
  private static final RuleSet RULES = ServingSloRules.of(SloFixtures.slo()).rules();
  private static final String DECODE = "namespace=\"serving\",workload=\"qwen3-decode\",role=\"leader\",pod=\"qwen3-decode-0\"";

  @Test
  void the_rule_file_passes_promtool_check_rules() {
    Promtool.Result r = Promtool.checkRules(Map.of("rules.yml", RuleFileRenderer.render(RULES)));
    assertThat(r.ok()).as(r.output()).isTrue();
  }

  @Test
  void a_fast_ttft_burn_pages_and_opens_a_ticket() {
    // 20 % of requests over 1 s: above 14.4 × 1 % on both 1h and 5m.
    String series = ttft("0+480x80", "0+600x80");
    assertPasses(test(series, "70m", "ServingTtftBudgetBurnPage", firing("ServingTtftBudgetBurnPage", burnLabels("page")))
        + test(series, "70m", "ServingTtftBudgetBurnTicket", firing("ServingTtftBudgetBurnTicket", burnLabels("ticket"))));
  }

  @Test
  void a_healthy_deployment_stays_quiet() {
    // 0.5 % over 1 s: inside the 1 % budget.
    String series = ttft("0+597x80", "0+600x80") + kv("0.5x80");
    assertPasses(test(series, "70m", "ServingTtftBudgetBurnPage", "[]") + test(series, "70m", "ServingTtftBudgetBurnTicket", "[]")
        + test(series, "70m", "ServingKvCacheNearlyFull", "[]"));
  }

  @Test
  void a_slow_ttft_burn_opens_a_ticket_but_does_not_page() {
    // 2 % over 1 s: below 6 × 1 % (no page), above 1 × 1 % on 3d and 6h (ticket).
    String series = ttft("0+588x420", "0+600x420");
    assertPasses(test(series, "7h", "ServingTtftBudgetBurnPage", "[]")
        + test(series, "7h", "ServingTtftBudgetBurnTicket", firing("ServingTtftBudgetBurnTicket", burnLabels("ticket"))));
  }

  @Test
  void a_short_blip_does_not_page_because_the_long_window_has_not_burnt() {
    // Two healthy hours, then ten minutes at 50 %: the 5m and 30m windows burn, the 1h and 6h ones do not.
    String series = ttft("0+597x120 71940+300x9", "0+600x130");
    assertPasses(test(series, "130m", "ServingTtftBudgetBurnPage", "[]"));
  }

  @Test
  void a_kv_cache_nearly_full_for_ten_minutes_warns() {
    Map<String, String> labels = new TreeMap<>(Map.of("namespace", "serving", "workload", "qwen3-decode", "role", "leader", "serving", "qwen3", "severity", "warning"));
    assertPasses(test(kv("0.97x30"), "20m", "ServingKvCacheNearlyFull", firing("ServingKvCacheNearlyFull", labels)));
  }

  private static Map<String, String> burnLabels(String severity) {
    return new TreeMap<>(Map.of("namespace", "serving", "serving", "qwen3", "slo", "ttft", "severity", severity));
  }

  private static String ttft(String good, String count) {
    return "      - series: 'vllm:time_to_first_token_seconds_bucket{" + DECODE + ",le=\"1.0\"}'\n        values: '" + good + "'\n"
        + "      - series: 'vllm:time_to_first_token_seconds_count{" + DECODE + "}'\n        values: '" + count + "'\n";
  }

  private static String kv(String values) {
    return "      - series: 'vllm:kv_cache_usage_perc{" + DECODE + ",model_name=\"Qwen/Qwen3-32B-FP8\",engine=\"0\"}'\n        values: '" + values + "'\n";
  }

  private static String test(String series, String at, String alert, String expected) {
    return "  - interval: 1m\n    input_series:\n" + series + "    alert_rule_test:\n      - eval_time: " + at + "\n        alertname: " + alert
        + "\n        exp_alerts: " + expected + "\n";
  }

  private static String firing(String alert, Map<String, String> labels) {
    AlertRule rule = ServingSloRulesTest.alert(new ServingSloRules.Result(RULES, java.util.List.of()), alert);
    // promtool compares annotations after template expansion: expand {{ $labels.x }} the same way.
    Map<String, String> annotations = new TreeMap<>();
    rule.annotations().forEach((k, v) -> {
      String expanded = v;
      for (Map.Entry<String, String> l : labels.entrySet()) {
        expanded = expanded.replace("{{ $labels." + l.getKey() + " }}", l.getValue());
      }
      annotations.put(k, expanded);
    });
    return "\n          - exp_labels: " + json(labels) + "\n            exp_annotations: " + json(annotations);
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertPasses(String tests) {
    String file = "rule_files:\n  - rules.yml\nevaluation_interval: 1m\ntests:\n" + tests;
    Promtool.Result r = Promtool.testRules(Map.of("rules.yml", RuleFileRenderer.render(RULES)), file);
    assertThat(r.ok()).as(r.output() + "\n" + file).isTrue();
  }
}
