package dev.aiinfra.examples.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.serving.policy.pd.PdPlan;
import dev.aiinfra.serving.policy.pd.ServingMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DisaggregatedServingExampleTest {
  @Test
  void the_readme_case_plans_disaggregation_and_prints_the_deployment_and_its_hpa() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PdPlan plan = DisaggregatedServingExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(plan.advice()).contains(ServingMode.DISAGGREGATED);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("4x(2P TP2 + 1D TP4").contains("best aggregated: 8x(TP4 bs16)").contains("PD_DISAGG_WINS")
        .contains("kind: LeaderWorkerSet").contains("name: qwen3-prefill").contains("kind: InferencePool")
        .contains("kind: HorizontalPodAutoscaler");
  }
}
