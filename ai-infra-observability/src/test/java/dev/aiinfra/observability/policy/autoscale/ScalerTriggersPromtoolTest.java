package dev.aiinfra.observability.policy.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.observability.model.autoscale.ScaleTarget;
import dev.aiinfra.observability.model.autoscale.ScalerTrigger;
import dev.aiinfra.observability.model.engine.ServingEngine;
import dev.aiinfra.observability.policy.slo.SloFixtures;
import dev.aiinfra.observability.promtool.Promtool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * KEDA refuses a query that returns more than one series: every trigger query, evaluated by
 * promtool on synthetic series of two decode pods (one with two data-parallel engines) beside a
 * prefill pod, returns exactly one sample, for the decode workload only, and an idle latency reads 0.
 */
class ScalerTriggersPromtoolTest {
  private static final List<ScalerTrigger> TRIGGERS = ScalerTriggers.of(SloFixtures.decodeAutoscaler(), ServingEngine.VLLM,
      ScaleTarget.leaderWorkerSet("qwen3-decode", "serving", "decode"));

  private static String query(String name) {
    return TRIGGERS.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().query();
  }

  private static String pod(String workload, String pod) {
    return "namespace=\"serving\",workload=\"" + workload + "\",role=\"leader\",pod=\"" + pod + "\",model_name=\"Qwen/Qwen3-32B-FP8\"";
  }

  private static String series(String name, String labels, String values) {
    return "      - series: '" + name + "{" + labels + "}'\n        values: '" + values + "'\n";
  }

  private static String expr(String query, String value) {
    return "      - expr: '" + query.replace("'", "''") + "'\n        eval_time: 5m\n        exp_samples:\n          - labels: '{}'\n            value: " + value + "\n";
  }

  @Test
  void each_trigger_query_returns_one_series_for_its_workload() {
    String input = series("vllm:num_requests_waiting", pod("qwen3-decode", "qwen3-decode-0") + ",engine=\"0\"", "3x10")
        + series("vllm:num_requests_waiting", pod("qwen3-decode", "qwen3-decode-1") + ",engine=\"0\"", "5x10")
        + series("vllm:num_requests_waiting", pod("qwen3-prefill", "qwen3-prefill-0") + ",engine=\"0\"", "100x10")
        + series("vllm:kv_cache_usage_perc", pod("qwen3-decode", "qwen3-decode-0") + ",engine=\"0\"", "0.5x10")
        + series("vllm:kv_cache_usage_perc", pod("qwen3-decode", "qwen3-decode-0") + ",engine=\"1\"", "0.7x10")
        + series("vllm:kv_cache_usage_perc", pod("qwen3-decode", "qwen3-decode-1") + ",engine=\"0\"", "0.2x10")
        + series("vllm:time_to_first_token_seconds_bucket", pod("qwen3-decode", "qwen3-decode-0") + ",engine=\"0\",le=\"0.25\"", "0+60x10")
        + series("vllm:time_to_first_token_seconds_bucket", pod("qwen3-decode", "qwen3-decode-0") + ",engine=\"0\",le=\"+Inf\"", "0+60x10");
    String file = "rule_files: []\nevaluation_interval: 1m\ntests:\n  - interval: 1m\n    input_series:\n" + input + "    promql_expr_test:\n"
        // 3 + 5 waiting on the decode pods (the prefill pod's 100 are another workload's)
        + expr(query("queue-depth"), "8")
        // pod 0 averages its two engines (0.6), plus pod 1's 0.2
        + expr(query("kv-cache"), "0.8")
        // every request under 0.25 s: p90 interpolates to 0.9 × 0.25
        + expr(query("ttft"), "0.225");
    Promtool.Result r = Promtool.testRules(Map.of(), file);
    assertThat(r.ok()).as(r.output() + "\n" + file).isTrue();
  }

  @Test
  void an_idle_workload_s_latency_reads_zero_not_nan() {
    String file = "rule_files: []\nevaluation_interval: 1m\ntests:\n  - interval: 1m\n    input_series:\n"
        + series("vllm:num_requests_waiting", pod("qwen3-decode", "qwen3-decode-0") + ",engine=\"0\"", "0x10")
        + "    promql_expr_test:\n" + expr(query("ttft"), "0");
    Promtool.Result r = Promtool.testRules(Map.of(), file);
    assertThat(r.ok()).as(r.output() + "\n" + file).isTrue();
  }
}
