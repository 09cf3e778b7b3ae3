package dev.aiinfra.serving.policy.pd;

import static dev.aiinfra.serving.policy.pd.PdRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aiinfra.serving.model.pd.Backend;
import dev.aiinfra.serving.model.pd.PlanRequest;
import org.junit.jupiter.api.Test;

/**
 * The planner against AIConfigurator's published examples (its README, {@code cli_user_guide.md}
 * and the vLLM walkthrough): same winner, same tensor-parallel sizes, tokens/s/GPU within ±15 %.
 * The table in {@code docs/pd-planning.md} lists the same cases.
 */
class AiConfiguratorComparisonTest {
  private static final double TOLERANCE = 0.15;

  @Test
  void readme_qwen3_on32_h200_picks_two_prefill_tp2_plus_one_decode_tp4() {
    PdPlan plan = PdPlanner.plan(PdRequests.readmeExample());

    ServingConfiguration dis = plan.bestDisaggregated().orElseThrow();
    assertThat(plan.advice()).contains(ServingMode.DISAGGREGATED);
    assertThat(dis.replicas()).isEqualTo(4);
    assertThat(dis.prefill().orElseThrow().workers()).isEqualTo(2);
    assertThat(dis.prefill().orElseThrow().tp()).isEqualTo(2);
    assertThat(dis.decode().workers()).isEqualTo(1);
    assertThat(dis.decode().tp()).isEqualTo(4);
    assertThat(dis.tokensPerSecondPerGpu()).isCloseTo(684.79, within(684.79 * TOLERANCE));
    assertThat(dis.ttftMs()).isLessThanOrEqualTo(300);
    assertThat(dis.tpotMs()).isLessThanOrEqualTo(10);

    ServingConfiguration agg = plan.bestAggregated().orElseThrow();
    assertThat(agg.replicas()).isEqualTo(8);
    assertThat(agg.decode().tp()).isEqualTo(4);
    assertThat(agg.decode().batch()).isEqualTo(16);
    assertThat(agg.tokensPerSecondPerGpu()).isCloseTo(410.22, within(410.22 * TOLERANCE));
    assertThat(plan.disaggregationGain().orElseThrow()).isCloseTo(1.67, within(0.15));
  }

  @Test
  void cli_user_guide_qwen3_with_looser_ttft_picks_four_prefill_tp1_plus_one_decode_tp4() {
    PdPlan plan = PdPlanner.plan(request("Qwen/Qwen3-32B-FP8", "h200_sxm", 32, 3000, 512, 0, 1000, 10).build());

    ServingConfiguration dis = plan.bestDisaggregated().orElseThrow();
    assertThat(plan.advice()).contains(ServingMode.DISAGGREGATED);
    assertThat(dis.label()).startsWith("4x(4P TP1 + 1D TP4");
    assertThat(dis.tokensPerSecondPerGpu()).isCloseTo(913.82, within(913.82 * TOLERANCE));
    ServingConfiguration agg = plan.bestAggregated().orElseThrow();
    assertThat(agg.decode().tp()).isEqualTo(4);
    assertThat(agg.tokensPerSecondPerGpu()).isCloseTo(638.28, within(638.28 * TOLERANCE));
  }

  @Test
  void vllm_on_one_h200_node_picks_two_prefill_tp2_plus_one_decode_tp4() {
    PlanRequest r = request("Qwen/Qwen3-32B-FP8", "h200_sxm", 8, 4000, 500, 0, 600, 25).backend(Backend.VLLM).build();
    PdPlan plan = PdPlanner.plan(r);

    ServingConfiguration dis = plan.bestDisaggregated().orElseThrow();
    assertThat(plan.advice()).contains(ServingMode.DISAGGREGATED);
    assertThat(dis.label()).startsWith("1x(2P TP2 + 1D TP4");
    assertThat(dis.tokensPerSecondPerGpu()).isCloseTo(446.85, within(446.85 * TOLERANCE));
    ServingConfiguration agg = plan.bestAggregated().orElseThrow();
    assertThat(agg.decode().tp()).isEqualTo(4);
    assertThat(agg.decode().batch()).isEqualTo(32);
    assertThat(agg.tokensPerSecondPerGpu()).isCloseTo(322.69, within(322.69 * TOLERANCE));
  }
}
