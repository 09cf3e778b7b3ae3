package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void runs_every_case_folder_in_name_order_with_files_relative_to_the_folder(@TempDir Path dir) throws Exception {
    Path b = Files.createDirectories(dir.resolve("b"));
    Files.writeString(b.resolve("args"), "[\"cgroup\",\"convert\",\"--cpu-shares\",\"1024\",\"-o\",\"json\"]");
    Path a = Files.createDirectories(dir.resolve("a"));
    Files.writeString(a.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: i}]}\n");
    Files.writeString(a.resolve("args"), "[\"validate\",\"-f\",\"pod.yaml\",\"-o\",\"json\"]");

    CliRun run = CliRun.run("batch", dir.toString());

    assertThat(run.exit).isZero();
    List<JsonNode> lines = run.out.lines().map(this::json).toList();
    assertThat(lines).extracting(l -> l.get("case").asText()).containsExactly("a", "b");
    assertThat(lines.get(0).get("exit").asInt()).isZero();
    assertThat(json(lines.get(0).get("stdout").asText()).get("valid").asBoolean()).isTrue();
    assertThat(json(lines.get(1).get("stdout").asText()).get("cpu.weight").asInt()).isEqualTo(100);
  }

  @Test
  void a_case_that_fails_reports_its_exit_code_and_the_batch_goes_on(@TempDir Path dir) throws Exception {
    Path bad = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(bad.resolve("args"), "[\"validate\",\"-f\",\"missing.yaml\"]");
    Path good = Files.createDirectories(dir.resolve("good"));
    Files.writeString(good.resolve("args"), "[\"version\",\"-o\",\"json\"]");

    CliRun run = CliRun.run("batch", dir.toString());

    assertThat(run.exit).isZero();
    List<JsonNode> lines = run.out.lines().map(this::json).toList();
    assertThat(lines.get(0).get("exit").asInt()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(lines.get(0).get("stderr").asText()).contains("missing.yaml");
    assertThat(lines.get(1).get("exit").asInt()).isZero();
  }

  @Test
  void a_folder_that_does_not_exist_is_a_usage_error(@TempDir Path dir) {
    CliRun run = CliRun.run("batch", dir.resolve("nope").toString());

    assertThat(run.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.err).contains("not a folder");
  }

  private JsonNode json(String s) {
    try {
      return MAPPER.readTree(s);
    } catch (Exception e) {
      throw new AssertionError(s, e);
    }
  }
}
