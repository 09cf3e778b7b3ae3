package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdPlanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static CliRun readme(String... extra) {
    String[] base = {"pd", "plan", "--model", "Qwen/Qwen3-32B-FP8", "--system", "h200_sxm", "--total-gpus", "32", "--isl", "4000", "--osl", "500",
        "--prefix", "500", "--ttft", "300", "--tpot", "10"};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return CliRun.run(all);
  }

  @Test
  void ai_configurators_readme_example_advises_disaggregation_with_the_contract_fields() throws IOException {
    CliRun r = readme("-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode j = JSON.readTree(r.out);
    assertThat(j.get("advice").asText()).isEqualTo("disaggregated");
    JsonNode best = j.get("best");
    assertThat(best).isEqualTo(j.get("bestDisaggregated"));
    assertThat(best.get("mode").asText()).isEqualTo("disaggregated");
    assertThat(best.get("replicas").asInt()).isEqualTo(4);
    assertThat(best.get("prefill").toString()).isEqualTo("{\"workers\":2,\"tp\":2,\"batch\":1}");
    assertThat(best.at("/decode/workers").asInt()).isEqualTo(1);
    assertThat(best.at("/decode/tp").asInt()).isEqualTo(4);
    assertThat(best.get("gpus").asInt()).isEqualTo(32);
    for (String f : new String[] {"ttftMs", "tpotMs", "requestLatencyMs", "tokensPerSecondPerGpu", "tokensPerSecondPerUser", "concurrency"}) {
      assertThat(best.has(f)).as(f).isTrue();
    }
    JsonNode agg = j.get("bestAggregated");
    assertThat(agg.get("mode").asText()).isEqualTo("aggregated");
    assertThat(agg.has("prefill")).isFalse();
    assertThat(agg.at("/decode/tp").asInt()).isEqualTo(4);
    assertThat(j.get("candidates")).hasSize(5);
    assertThat(j.at("/explanations/0/code").asText()).isEqualTo("PD_DISAGG_WINS");
  }

  @Test
  void text_output_is_a_ranked_table_with_the_advice() {
    CliRun r = readme("--top", "3");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("RANK", "4x(2P TP2 + 1D TP4 bs", "advice: disaggregated").contains("PD_DISAGG_WINS");
    assertThat(r.out.lines().filter(l -> l.contains("x(")).count()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void nothing_meeting_the_sla_exits_one_with_the_reason() throws IOException {
    CliRun r = CliRun.run("pd", "plan", "--model", "Qwen/Qwen3-32B-FP8", "--system", "h200_sxm", "--total-gpus", "8", "--isl", "4000", "--osl", "500",
        "--ttft", "10", "--tpot", "1", "-o", "json");
    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    JsonNode j = JSON.readTree(r.out);
    assertThat(j.get("advice").isNull()).isTrue();
    assertThat(j.get("best").isNull()).isTrue();
    assertThat(j.get("candidates")).isEmpty();
    assertThat(j.at("/explanations/0/code").asText()).isEqualTo("PD_NO_CONFIGURATION");
  }

  @Test
  void unknown_model_and_system_are_both_named_with_the_known_ones() {
    CliRun r = CliRun.run("pd", "plan", "--model", "acme/Giant", "--system", "h900", "--total-gpus", "8", "--isl", "0", "--osl", "500");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("unknown --model acme/Giant", "Qwen/Qwen3-32B", "unknown --system h900", "h200_sxm", "inputTokens");
    assertThat(r.err).doesNotContain("Exception", "\tat ");
  }

  @Test
  void invalid_numbers_are_all_listed() {
    CliRun r = CliRun.run("pd", "plan", "--model", "qwen3-8b", "--system", "h100_sxm", "--total-gpus", "0", "--isl", "100", "--osl", "1",
        "--prefix", "200", "--ttft", "-5");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("totalGpus", "outputTokens", "prefixTokens", "ttftMs").doesNotContain("\tat ");
  }

  @Test
  void a_user_catalog_adds_a_model(@TempDir Path dir) throws IOException {
    Path catalog = dir.resolve("catalog.yaml");
    Files.writeString(catalog, String.join("\n", "models:", "- id: acme/Small", "  layers: 24", "  hidden: 2048", "  heads: 16", "  kvHeads: 4",
        "  headDim: 128", "  intermediate: 8192", "  vocab: 32000", ""));
    CliRun r = CliRun.run("pd", "plan", "--model", "acme/Small-FP8", "--system", "h100_sxm", "--total-gpus", "4", "--isl", "2000", "--osl", "200",
        "--catalog", catalog.toString(), "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(JSON.readTree(r.out).at("/request/model").asText()).isEqualTo("acme/Small-FP8");
  }

  @Test
  void vllm_backend_and_request_latency_are_honoured() throws IOException {
    CliRun r = CliRun.run("pd", "plan", "--model", "Qwen/Qwen3-32B-FP8", "--system", "h200_sxm", "--total-gpus", "8", "--isl", "4000", "--osl", "500",
        "--request-latency", "12000", "--backend", "vllm", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode j = JSON.readTree(r.out);
    assertThat(j.at("/request/backend").asText()).isEqualTo("vllm");
    assertThat(j.at("/request/tpotMs").isNull()).isTrue();
    for (JsonNode c : j.get("candidates")) {
      assertThat(c.get("requestLatencyMs").asDouble()).isLessThanOrEqualTo(12000);
    }
  }
}
