package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken input: exit 2 without hanging, a message naming file, document and field, no stack trace. */
@Timeout(10) // a hang guard, not a speed check
class BadInputTest {
  @TempDir Path dir;

  private CliRun validate(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return CliRun.run("validate", "-f", p.toString());
  }

  private static void assertCleanInputError(CliRun r, String... fragments) {
    assertThat(r.exit).as(r.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains(fragments).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void malformed_yaml() throws IOException {
    assertCleanInputError(validate("bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n"), "bad.yaml: document 0: invalid YAML", "line");
  }

  @Test
  void a_50_megabyte_document() throws IOException {
    Path p = dir.resolve("big.yaml");
    byte[] chunk = ("# " + "x".repeat(1000) + "\n").getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(p)) {
      out.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 50 * 1024; i++) {
        out.write(chunk);
      }
    }
    assertCleanInputError(CliRun.run("validate", "-f", p.toString()), "big.yaml", "larger than the limit");
  }

  @Test
  void a_billion_laughs_alias_bomb() throws IOException {
    StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("x").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    assertCleanInputError(validate("bomb.yaml", bomb.toString()), "bomb.yaml: document 0", "aliases");
  }

  @Test
  void ten_thousand_levels_of_nesting() throws IOException {
    assertCleanInputError(validate("deep.yaml", "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n"), "deep.yaml", "esting");
    assertCleanInputError(validate("deep.json", "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"), "deep.json", "nesting");
  }

  @Test
  void an_unknown_kind() throws IOException {
    assertCleanInputError(validate("k.yaml", "apiVersion: batch/v1\nkind: Jobb\nmetadata: {name: j}\n"), "k.yaml: document 0: kind: Unsupported value: \"Jobb\"");
  }

  @Test
  void a_missing_required_field() throws IOException {
    Path p = dir.resolve("m.yaml");
    Files.writeString(p, "apiVersion: v1\nkind: Pod\nspec: {}\n");
    assertCleanInputError(CliRun.run("pss", "check", "-f", p.toString()), "m.yaml: document 0: metadata.name: Required value");
  }

  @Test
  void validate_reports_an_unnamed_object_like_the_api_server_instead_of_refusing_it() throws IOException {
    CliRun r = CliRun.run("validate", "-o", "json", "-f", write("u.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {namespace: x}\n"));
    assertThat(r.exit).as(r.toString()).isEqualTo(ExitCodes.NEGATIVE);
    assertThat(r.out).contains("\"field\" : \"metadata.name\"", "\"type\" : \"Required\"");
  }

  private String write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p.toString();
  }

  @Test
  void a_field_of_the_wrong_type() throws IOException {
    assertCleanInputError(
        validate("t.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: many\n"),
        "t.yaml: document 0: spec.replicas: Invalid value: \"many\": must be an integer");
  }

  @Test
  void a_missing_file() {
    assertCleanInputError(CliRun.run("validate", "-f", dir.resolve("nope.yaml").toString()), "nope.yaml: no such file or directory");
  }

  @Test
  void no_input_at_all() {
    assertCleanInputError(CliRun.run("validate"), "no input");
  }

  @Test
  void a_wrong_kind_for_a_pod_command() throws IOException {
    Path p = dir.resolve("cm.yaml");
    Files.writeString(p, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
    assertCleanInputError(CliRun.run("dns", "config", "-f", p.toString()), "cm.yaml: document 0: kind: ConfigMap has no pod template");
  }

  @Test
  void an_invalid_feature_gate_or_flag_value() {
    assertCleanInputError(CliRun.run("dns", "tune", "-f", "x.yaml", "--ndots", "99"), "--ndots 99");
  }
}
