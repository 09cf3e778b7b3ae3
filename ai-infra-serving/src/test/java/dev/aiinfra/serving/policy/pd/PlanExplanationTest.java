package dev.aiinfra.serving.policy.pd;

import static dev.aiinfra.serving.policy.pd.PdRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.serving.model.pd.KvTransport;
import dev.aiinfra.serving.model.pd.Precision;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each explanation code for the situation the domain notes name. */
class PlanExplanationTest {
  private static List<String> codes(PdPlan plan) {
    return plan.explanations().stream().map(Diagnostic::code).collect(Collectors.toList());
  }

  @Test
  void tight_ttft_and_tpot_on_long_prompts_make_disaggregation_win() {
    PdPlan plan = PdPlanner.plan(PdRequests.readmeExample());
    assertThat(codes(plan)).first().isEqualTo("PD_DISAGG_WINS");
    assertThat(plan.explanations().get(0).message()).contains("1.66x").contains("batch 16");
  }

  @Test
  void short_prompts_with_long_outputs_leave_little_to_separate() {
    PdPlan plan = PdPlanner.plan(request("Qwen/Qwen3-8B", "h200_sxm", 8, 200, 2000, 0, 2000, 30).build());
    assertThat(codes(plan)).contains("PD_SHORT_PROMPT");
    assertThat(plan.advice()).isPresent();
  }

  @Test
  void loose_tpot_lets_aggregated_run_its_largest_batch() {
    PdPlan plan = PdPlanner.plan(request("Qwen/Qwen3-8B", "h200_sxm", 8, 1000, 1000, 0, 5000, 200).build());
    assertThat(codes(plan)).contains("PD_LOOSE_TPOT");
  }

  @Test
  void tcp_kv_transfer_is_flagged_as_the_bottleneck() {
    PdPlan plan = PdPlanner.plan(request("Qwen/Qwen3-32B-FP8", "h200_sxm", 32, 8000, 500, 0, 2000, 30).kvTransport(KvTransport.TCP).build());
    assertThat(codes(plan)).contains("PD_SLOW_KV_TRANSFER");
    assertThat(plan.explanations().stream().filter(d -> d.code().equals("PD_SLOW_KV_TRANSFER")).findFirst().orElseThrow().hint())
        .hasValueSatisfying(h -> assertThat(h).contains("RDMA"));
  }

  @Test
  void tcp_transfer_that_breaks_ttft_is_named_when_no_disaggregated_plan_remains() {
    PdPlan plan = PdPlanner.plan(request("Qwen/Qwen3-32B-FP8", "h200_sxm", 32, 4000, 500, 500, 300, 10).kvTransport(KvTransport.TCP).build());
    assertThat(plan.bestDisaggregated()).isEmpty();
    assertThat(plan.advice()).contains(ServingMode.AGGREGATED);
    assertThat(codes(plan)).contains("PD_NO_DISAGGREGATED", "PD_SLOW_KV_TRANSFER");
  }

  @Test
  void idle_gpus_of_an_uneven_budget_are_reported() {
    PdPlan plan = PdPlanner.plan(request("Qwen/Qwen3-32B-FP8", "h200_sxm", 10, 4000, 500, 500, 300, 10).build());
    assertThat(plan.bestDisaggregated()).hasValueSatisfying(d -> assertThat(d.gpus()).isLessThan(10));
    assertThat(codes(plan)).contains("PD_GPU_GRANULARITY");
  }

  @Test
  void low_concurrency_is_named_when_the_sla_allows_only_small_batches() {
    PdPlan plan = PdPlanner.plan(request("Qwen/Qwen3-32B-FP8", "h200_sxm", 8, 4000, 500, 0, 1000, 6).build());
    assertThat(plan.best()).hasValueSatisfying(b -> assertThat(b.decode().batch()).isLessThanOrEqualTo(8));
    assertThat(codes(plan)).contains("PD_LOW_CONCURRENCY");
  }

  @Test
  void impossible_sla_explains_the_fastest_reachable_latencies() {
    PdPlan plan = PdPlanner.plan(request("Qwen/Qwen3-32B-FP8", "h200_sxm", 32, 4000, 500, 0, 20, 1).build());
    assertThat(plan.isFeasible()).isFalse();
    assertThat(plan.advice()).isEmpty();
    assertThat(codes(plan)).containsExactly("PD_NO_CONFIGURATION");
    assertThat(plan.explanations().get(0).message()).contains("fastest prefill gives TTFT");
  }

  @Test
  void model_larger_than_eight_gpus_is_named() {
    PdPlan plan = PdPlanner.plan(request("deepseek-v3", "l40s", 16, 4000, 500, 0, 2000, 30)
        .model(PdRequests.CATALOG.model("deepseek-v3").orElseThrow().withPrecision(Precision.BF16)).build());
    assertThat(codes(plan)).containsExactly("PD_MODEL_TOO_LARGE");
  }
}
