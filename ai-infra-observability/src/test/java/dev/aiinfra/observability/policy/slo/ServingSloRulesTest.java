package dev.aiinfra.observability.policy.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.observability.model.ObservabilityCode;
import dev.aiinfra.observability.model.engine.ServingEngine;
import dev.aiinfra.observability.model.rules.AlertRule;
import dev.aiinfra.observability.model.rules.RecordingRule;
import dev.aiinfra.observability.model.slo.ServingSlo;
import dev.aiinfra.serving.model.deploy.DeploymentStyle;
import dev.aiinfra.serving.model.pd.Backend;
import dev.aiinfra.serving.model.pd.ServingSla;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServingSloRulesTest {
  @Test
  void a_disaggregated_deployment_measures_its_slo_at_the_decode_workload() {
    ServingSlo slo = SloFixtures.slo();
    assertThat(slo.workloads()).containsExactly("qwen3-prefill", "qwen3-decode");
    assertThat(slo.clientFacingWorkloads()).containsExactly("qwen3-decode");
    RecordingRule ttft1h = ServingSloRules.of(slo).rules().recordingRules().stream()
        .filter(r -> r.record().equals("serving:slo_errors:ratio_rate1h") && r.labels().get("slo").equals("ttft")).findFirst().orElseThrow();
    assertThat(ttft1h.expr()).contains("vllm:time_to_first_token_seconds_bucket{namespace=\"serving\",workload=\"qwen3-decode\",le=\"1.0\"}[1h]");
  }

  @Test
  void a_disaggregated_set_tells_its_roles_apart_by_the_role_label() {
    ServingSlo slo = ServingSlo.of(SloFixtures.qwen().withStyle(DeploymentStyle.DISAGGREGATED_SET), SloFixtures.sla());
    assertThat(slo.clientFacingWorkloads()).containsExactly("qwen3");
    assertThat(slo.clientFacingRole()).contains("decode");
    assertThat(ServingSloRules.of(slo).rules().recordingRules()).anyMatch(r -> r.expr().contains("workload=\"qwen3\",role=\"decode\",le=\"1.0\""));
  }

  @Test
  void every_sli_is_recorded_over_every_window_the_burn_rate_pairs_read() {
    List<RecordingRule> sli = ServingSloRules.of(SloFixtures.slo()).rules().recordingRules().stream()
        .filter(r -> r.record().startsWith("serving:slo_errors:")).toList();
    assertThat(sli).extracting(r -> r.labels().get("slo") + " " + r.record().substring("serving:slo_errors:ratio_rate".length()))
        .containsExactly("ttft 5m", "ttft 30m", "ttft 1h", "ttft 2h", "ttft 6h", "ttft 1d", "ttft 3d",
            "itl 5m", "itl 30m", "itl 1h", "itl 2h", "itl 6h", "itl 1d", "itl 3d");
  }

  @Test
  void the_page_alert_ands_each_window_pair_at_its_burn_factor_and_ors_the_pairs() {
    AlertRule page = alert(ServingSloRules.of(SloFixtures.slo()), "ServingTtftBudgetBurnPage");
    // objective 0.99: budget 0.01, so 14.4× = 0.144 and 6× = 0.06
    assertThat(page.expr()).isEqualTo("""
        (
          serving:slo_errors:ratio_rate1h{serving="qwen3",slo="ttft"} > 0.144
          and
          serving:slo_errors:ratio_rate5m{serving="qwen3",slo="ttft"} > 0.144
        )
        or
        (
          serving:slo_errors:ratio_rate6h{serving="qwen3",slo="ttft"} > 0.06
          and
          serving:slo_errors:ratio_rate30m{serving="qwen3",slo="ttft"} > 0.06
        )""");
    assertThat(page.severity()).isEqualTo("page");
    assertThat(alert(ServingSloRules.of(SloFixtures.slo()), "ServingTtftBudgetBurnTicket").expr())
        .contains("ratio_rate1d{serving=\"qwen3\",slo=\"ttft\"} > 0.03").contains("ratio_rate3d{serving=\"qwen3\",slo=\"ttft\"} > 0.01");
  }

  @Test
  void a_limit_between_bucket_bounds_is_measured_at_the_bound_below_with_a_warning() {
    ServingSloRules.Result r = ServingSloRules.of(ServingSlo.of(SloFixtures.qwen(), ServingSla.of(2000, 50)));
    assertThat(r.rules().recordingRules()).anyMatch(x -> x.expr().contains("vllm:time_to_first_token_seconds_bucket{") && x.expr().contains("le=\"1.0\""));
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(ObservabilityCode.SLO_THRESHOLD_NOT_A_BUCKET.name());
    assertThat(r.diagnostics().get(0).message()).contains("2.0 s").contains("1.0 s");
    assertThat(r.diagnostics().get(0).hint()).hasValueSatisfying(h -> assertThat(h).contains("1.0 or 2.5 s"));
  }

  @Test
  void a_limit_below_every_bucket_bound_leaves_that_sli_out_with_an_error() {
    ServingSloRules.Result r = ServingSloRules.of(ServingSlo.of(SloFixtures.qwen(), ServingSla.of(1000, 5)));
    assertThat(r.diagnostics()).anyMatch(d -> d.code().equals(ObservabilityCode.SLO_THRESHOLD_BELOW_BUCKETS.name()) && d.isError());
    assertThat(r.rules().alerts()).extracting(AlertRule::alert).doesNotContain("ServingItlBudgetBurnPage").contains("ServingTtftBudgetBurnPage");
  }

  @Test
  void sglang_rules_read_sglang_metrics() {
    ServingSlo slo = ServingSlo.of(SloFixtures.qwen().withBackend(Backend.SGLANG), SloFixtures.sla());
    String all = String.join("\n", ServingSloRules.of(slo).rules().rules().map(x -> x.expr()).toList());
    assertThat(slo.engine()).isEqualTo(ServingEngine.SGLANG);
    assertThat(all).contains("sglang:time_to_first_token_seconds_bucket", "sglang:inter_token_latency_seconds_bucket", "sglang:num_queue_reqs",
        "sglang:token_usage").doesNotContain("vllm:");
  }

  @Test
  void trtllm_rules_read_the_dynamo_frontend_histograms_and_say_their_bounds_are_unchecked() {
    ServingSloRules.Result r = ServingSloRules.of(ServingSlo.of(SloFixtures.qwen().withBackend(Backend.TRTLLM), SloFixtures.sla()));
    String all = String.join("\n", r.rules().rules().map(x -> x.expr()).toList());
    assertThat(all).contains("dynamo_frontend_time_to_first_token_seconds_bucket", "trtllm_num_requests_waiting", "trtllm_kv_cache_utilization");
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsOnly(ObservabilityCode.SLO_BUCKETS_UNKNOWN.name());
  }

  @Test
  void a_request_latency_limit_adds_a_third_sli() {
    ServingSla sla = ServingSla.builder().ttftMs(1000).requestLatencyMs(30000).build();
    ServingSloRules.Result r = ServingSloRules.of(ServingSlo.of(SloFixtures.qwen(), sla));
    assertThat(r.rules().alerts()).extracting(AlertRule::alert)
        .contains("ServingRequestLatencyBudgetBurnPage", "ServingTtftBudgetBurnTicket").doesNotContain("ServingItlBudgetBurnPage");
  }

  @Test
  void quantiles_are_named_by_their_percent() {
    assertThat(ServingSloRules.quantileName(0.9)).isEqualTo("p90");
    assertThat(ServingSloRules.quantileName(0.99)).isEqualTo("p99");
    assertThat(ServingSloRules.quantileName(0.999)).isEqualTo("p999");
  }

  @Test
  void bucket_bounds_are_written_as_python_floats() {
    assertThat(BucketBound.le(1)).isEqualTo("1.0");
    assertThat(BucketBound.le(0.25)).isEqualTo("0.25");
    assertThat(BucketBound.le(2560)).isEqualTo("2560.0");
  }

  static AlertRule alert(ServingSloRules.Result r, String name) {
    return r.rules().alerts().stream().filter(a -> a.alert().equals(name)).findFirst().orElseThrow();
  }
}
