package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObserveRenderCommandTest {
  private static final String INPUT = "golden-json/observe/render/input/serving-and-training.yaml";

  static String input() {
    try {
      return Path.of(ObserveRenderCommandTest.class.getClassLoader().getResource(INPUT).toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void the_text_output_is_a_table_of_what_was_generated_and_why() {
    CliRun r = CliRun.run("observe", "render", "-f", input());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).startsWith("KIND").contains("WORKLOAD", "WHY", "PodMonitor", "PrometheusRule", "serving/qwen3-serving-slo", "ScaledObject",
        "serving deployment serving/qwen3");
  }

  @Test
  void yaml_output_is_the_objects_themselves() {
    CliRun r = CliRun.run("observe", "render", "-f", input(), "-o", "yaml");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("kind: PodMonitor", "kind: PrometheusRule", "kind: ScaledObject", "alert: ServingTtftBudgetBurnPage",
        "vllm:time_to_first_token_seconds_bucket");
  }

  @Test
  void the_engine_flag_overrides_what_the_containers_run() {
    CliRun r = CliRun.run("observe", "render", "-f", input(), "--engine", "sglang", "--with", "serving", "-o", "yaml");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("sglang:time_to_first_token_seconds_bucket").doesNotContain("vllm:").doesNotContain("kind: ScaledObject");
  }

  @Test
  void prometheus_adapter_is_the_alternative_to_keda() {
    CliRun r = CliRun.run("observe", "render", "-f", input(), "--with", "autoscaling", "--scaler", "prometheus-adapter", "-o", "yaml");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("kind: ConfigMap", "kind: HorizontalPodAutoscaler", "externalRules").doesNotContain("kind: ScaledObject");
  }

  @Test
  void an_unknown_family_or_engine_is_a_usage_error() {
    CliRun r = CliRun.run("observe", "render", "-f", input(), "--with", "gpu,logs", "--engine", "tgi");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--with: unknown family \"logs\"", "--engine: unknown engine \"tgi\"");
  }

  @Test
  void a_deployment_without_a_selector_is_refused_naming_its_file(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("d.yaml");
    Files.writeString(f, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: x\n");
    CliRun r = CliRun.run("observe", "render", "-f", f.toString());
    assertThat(r.exit).as(r.toString()).isEqualTo(2);
    assertThat(r.err).contains("d.yaml", "spec.selector.matchLabels");
  }

  @Test
  void input_without_workloads_is_a_usage_error(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("cm.yaml");
    Files.writeString(f, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    CliRun r = CliRun.run("observe", "render", "-f", f.toString());
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("cm.yaml", "no workloads to observe");
  }

  @Test
  void serve_render_with_monitoring_adds_monitors_slo_rules_and_scalers_for_the_planned_sla() {
    CliRun r = CliRun.run("serve", "render", "--model", "Qwen/Qwen3-32B-FP8", "--system", "h200_sxm", "--total-gpus", "32", "--isl", "4000",
        "--osl", "500", "--prefix", "500", "--ttft", "300", "--tpot", "10", "--name", "qwen3", "--namespace", "serving", "--monitoring");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("kind: LeaderWorkerSet", "kind: PodMonitor", "kind: PrometheusRule", "kind: ScaledObject",
        "trtllm_num_requests_waiting");
    // TTFT 300 ms is not a bucket bound the Dynamo frontend is known to have: the SLI says so
    assertThat(r.err).contains("SLO_BUCKETS_UNKNOWN");
  }
}
