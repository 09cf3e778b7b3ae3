package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile YAML through the command (issue 14, failure classes 1, 2 and 8 and oversized documents):
 * exit 2 with file, document, field path and rule; no Java class name, no stack trace. Manifests,
 * plan files and catalogs go through the same reader.
 */
@Timeout(30) // a hang guard, not a speed check
class HostileYamlTest {
  private static final String POD_HEAD = "apiVersion: v1\nkind: Pod\n";
  private static final String POD_SPEC = "spec:\n  containers:\n  - name: c\n    image: busybox\n";

  @TempDir Path dir;

  private String write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p.toString();
  }

  private static void assertInvalidInput(CliRun r, String... fragments) {
    assertThat(r.exit).as(r.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains(fragments).doesNotContain("java.", "Exception", "Error:", "\tat ", "internal");
  }

  @Test
  void a_null_map_key() throws IOException {
    CliRun r = CliRun.run("validate", "-f", write("p.yaml", POD_HEAD + "metadata: {name: p, ~: x}\n" + POD_SPEC));
    assertInvalidInput(r, "p.yaml: document 0: metadata: Invalid value: a map key must be a string, not null (line 3");
  }

  @Test
  void a_list_as_a_map_key() throws IOException {
    CliRun r = CliRun.run("validate", "-f", write("p.yaml", POD_HEAD + "metadata: {name: p, [a]: x}\n" + POD_SPEC));
    assertInvalidInput(r, "p.yaml: document 0: metadata: Invalid value: a map key must be a string, not a list");
  }

  @Test
  void a_map_as_a_map_key() throws IOException {
    CliRun r = CliRun.run("cgroup", "pod", "-f", write("p.yaml", POD_HEAD + "metadata: {name: p, {a: b}: x}\n" + POD_SPEC));
    assertInvalidInput(r, "p.yaml: document 0: metadata: Invalid value: a map key must be a string, not a map");
  }

  @Test
  void an_integer_key_beside_string_keys_reads_as_kubectl_reads_it() throws IOException {
    CliRun r = CliRun.run("validate", "-o", "json", "-f", write("p.yaml", POD_HEAD + "metadata:\n  name: p\n  labels: {1: x, app: web}\n" + POD_SPEC));
    assertThat(r.exit).as(r.toString()).isZero();
  }

  @Test
  void a_self_referencing_alias() throws IOException {
    CliRun r = CliRun.run("validate", "-f", write("p.yaml", POD_HEAD + "metadata: &m {name: p, self: *m}\n" + POD_SPEC));
    assertInvalidInput(r, "p.yaml: document 0: metadata.self: Invalid value: the alias *m is inside the node &m it refers to", "recursive");
  }

  @Test
  void five_hundred_aliases_of_a_scalar() throws IOException {
    StringBuilder doc = new StringBuilder(POD_HEAD + "metadata:\n  name: p\n  annotations:\n    a: &v x\n");
    for (int i = 0; i < 500; i++) {
      doc.append("    k").append(i).append(": *v\n");
    }
    CliRun r = CliRun.run("validate", "-f", write("p.yaml", doc + POD_SPEC));
    assertInvalidInput(r, "p.yaml: document 0: more than 50 aliases");
  }

  @Test
  void a_nine_mebibyte_document() throws IOException {
    String big = POD_HEAD + "metadata:\n  name: p\n  annotations:\n    blob: " + "a".repeat(9 << 20) + "\n" + POD_SPEC;
    CliRun r = CliRun.run("validate", "-f", write("big.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\n" + big));
    assertInvalidInput(r, "big.yaml: document 1: the document is longer than the limit of 8388608 characters");
  }

  @Test
  void a_recursive_alias_in_a_plan_file() throws IOException {
    CliRun r = CliRun.run("serve", "render", "--name", "qwen3", "--plan-from", write("plan.yaml", "request: &r {model: m, again: *r}\nbest: {}\n"));
    assertInvalidInput(r, "plan.yaml: document 0: request.again: Invalid value: the alias *r is inside the node &r");
  }

  @Test
  void a_null_key_in_a_catalog() throws IOException {
    CliRun r = CliRun.run("pd", "plan", "--model", "qwen3-8b", "--system", "h100_sxm", "--total-gpus", "8", "--isl", "100", "--osl", "10",
        "--catalog", write("catalog.yaml", "models:\n- {id: tiny, ~: 1}\n"));
    assertInvalidInput(r, "catalog.yaml: document 0: models[0]: Invalid value: a map key must be a string, not null");
  }
}
