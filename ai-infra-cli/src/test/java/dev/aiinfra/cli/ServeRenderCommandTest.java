package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeRenderCommandTest {
  private static final String[] PLAN = {"--model", "Qwen/Qwen3-32B-FP8", "--system", "h200_sxm", "--total-gpus", "32", "--isl", "4000", "--osl", "500",
      "--prefix", "500", "--ttft", "300", "--tpot", "10"};

  private static String[] args(String[] head, String... tail) {
    String[] all = new String[head.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  @Test
  void a_saved_plan_renders_as_dual_leader_worker_sets(@TempDir Path dir) throws IOException {
    CliRun plan = CliRun.run(args(new String[] {"pd", "plan"}, args(PLAN, "-o", "json")));
    assertThat(plan.exit).as(plan.toString()).isZero();
    Path file = dir.resolve("plan.json");
    Files.writeString(file, plan.out);
    CliRun r = CliRun.run("serve", "render", "--plan-from", file.toString(), "--name", "qwen3", "--namespace", "serving");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("kind: LeaderWorkerSet", "name: qwen3-prefill", "name: qwen3-decode", "kind: InferencePool", "trtllm-serve");
    assertThat(r.err).contains("SERVE_ENDPOINT_PICKER");
  }

  @Test
  void planning_flags_render_the_best_plan_directly_in_any_style() {
    CliRun r = CliRun.run(args(new String[] {"serve", "render"}, args(PLAN, "--name", "qwen3", "--style", "llmaz")));
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("kind: OpenModel", "kind: Playground", "modelID: Qwen/Qwen3-32B-FP8");
  }

  @Test
  void dra_claims_and_json_output() {
    CliRun r = CliRun.run(args(new String[] {"serve", "render"}, args(PLAN, "--name", "qwen3", "--gpus-as", "dra", "-o", "json")));
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("\"kind\" : \"ResourceClaimTemplate\"").doesNotContain("nvidia.com/gpu");
  }

  @Test
  void a_plan_that_meets_no_sla_has_nothing_to_render() {
    CliRun r = CliRun.run("serve", "render", "--model", "Qwen/Qwen3-32B-FP8", "--system", "h200_sxm", "--total-gpus", "8", "--isl", "4000", "--osl", "500",
        "--ttft", "10", "--tpot", "1", "--name", "qwen3");
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains("PD_NO_CONFIGURATION");
  }

  @Test
  void a_broken_plan_file_lists_every_problem(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plan.json");
    Files.writeString(file, "{\"best\":{\"replicas\":\"a\",\"decode\":{\"tp\":4}}}");
    CliRun r = CliRun.run("serve", "render", "--plan-from", file.toString(), "--name", "qwen3");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains("request.model: required", "best.replicas: must be an integer", "best.decode.workers: required").doesNotContain("\tat ");
  }

  @Test
  void a_plan_with_zero_tensor_parallelism_or_replicas_is_refused_at_its_own_fields(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plan.json");
    Files.writeString(file, "{\"request\":{\"model\":\"qwen3-8b\",\"backend\":\"trtllm\",\"system\":\"h100_sxm\"},"
        + "\"best\":{\"mode\":\"aggregated\",\"replicas\":0,\"decode\":{\"workers\":1,\"tp\":0,\"batch\":16}}}");
    CliRun r = CliRun.run("serve", "render", "--plan-from", file.toString(), "--name", "qwen3");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains(file + ": best.decode.tp: Invalid value: \"0\": must be at least 1",
        file + ": best.replicas: Invalid value: \"0\": must be at least 1");
  }

  @Test
  void every_role_problem_of_a_disaggregated_plan_is_reported_in_one_run(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plan.json");
    Files.writeString(file, "{\"request\":{\"model\":\"qwen3-8b\",\"backend\":\"trtllm\",\"system\":\"h100_sxm\"},"
        + "\"best\":{\"mode\":\"disaggregated\",\"replicas\":1,\"prefill\":{\"workers\":1,\"tp\":0,\"batch\":1},"
        + "\"decode\":{\"workers\":-1,\"tp\":4,\"batch\":0}}}");
    CliRun r = CliRun.run("serve", "render", "--plan-from", file.toString(), "--name", "qwen3");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains(file + ": best.prefill.tp: Invalid value: \"0\": must be at least 1",
        file + ": best.decode.workers: Invalid value: \"-1\": must not be negative",
        file + ": best.decode.batch: Invalid value: \"0\": must be at least 1").doesNotContain("\tat ");
  }

  @Test
  void prefill_workers_without_decode_workers_are_refused_naming_the_plan_file(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plan.json");
    Files.writeString(file, "{\"request\":{\"model\":\"qwen3-8b\",\"backend\":\"vllm\",\"system\":\"h200_sxm\"},"
        + "\"best\":{\"mode\":\"disaggregated\",\"replicas\":1,\"prefill\":{\"workers\":2,\"tp\":2,\"batch\":1},"
        + "\"decode\":{\"workers\":0,\"tp\":4,\"batch\":64}}}");
    CliRun r = CliRun.run("serve", "render", "--plan-from", file.toString(), "--name", "qwen3", "--style", "lws");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains(file + ": best.prefill.workers: Invalid value: \"2\": prefill and decode workers must be both zero or both non-zero");
  }

  @Test
  void unknown_style_and_bad_name_are_rejected() {
    CliRun r = CliRun.run(args(new String[] {"serve", "render"}, args(PLAN, "--name", "qwen3", "--style", "helm")));
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("unknown --style helm");
    CliRun bad = CliRun.run(args(new String[] {"serve", "render"}, args(PLAN, "--name", "Qwen_3")));
    assertThat(bad.exit).isEqualTo(2);
    assertThat(bad.err).contains("name").doesNotContain("\tat ");
  }
}
