package dev.aiinfra.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * The saved-plan reader behind {@code serve render --plan-from PLAN.json} (the JSON of {@code pd
 * plan -o json}) on any file content, in each deployment style and with GPUs as DRA claims: every
 * run keeps the {@link ExitContract} within {@link Bounded#LIMIT}.
 */
class PlanFileFuzzTest {
  private static final List<List<String>> STYLES = List.of(
      List.of("--style", "lws"),
      List.of("--style", "disaggregatedset", "--gpus-as", "dra"),
      List.of("--style", "llmaz", "-o", "json"));
  private static final InputFile FILE = new InputFile("plan.json");

  @BeforeAll
  static void warmUp() throws Exception {
    // the first rendering loads its classes; not part of any input's time
    check(("{\"request\":{\"model\":\"qwen3-8b\",\"backend\":\"trtllm\",\"system\":\"h100_sxm\"},\"best\":{\"replicas\":1,"
        + "\"prefill\":{\"workers\":1,\"tp\":1,\"batch\":1},\"decode\":{\"workers\":1,\"tp\":2,\"batch\":8}}}").getBytes(StandardCharsets.UTF_8));
  }

  @FuzzTest
  void planFrom(byte[] data) throws Exception {
    check(data);
  }

  static void check(byte[] data) throws Exception {
    String file = FILE.write(data);
    String input = new String(data, StandardCharsets.UTF_8);
    for (List<String> style : STYLES) {
      List<String> args = new ArrayList<>(List.of("serve", "render", "--plan-from", file, "--name", "fuzz"));
      args.addAll(style);
      CommandRun.of(args).ifPresent(r -> ExitContract.check(r, input, file));
    }
  }
}
