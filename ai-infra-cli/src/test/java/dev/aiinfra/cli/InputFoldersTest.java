package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -f DIR} as a new user meets it: what is read, what is skipped and said, and inputs with nothing in them (issue 15, defect 1). */
class InputFoldersTest {
  private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: NAME}\nspec: {containers: [{name: c, image: nginx}]}\n";
  private static final String NODE = "apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus:\n  allocatable: {cpu: '8', memory: 32Gi, pods: '110'}\n";
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void upper_case_extensions_are_read() throws IOException {
    write("WEB.YAML", POD.replace("NAME", "web"));
    write("db.YML", POD.replace("NAME", "db"));
    CliRun r = CliRun.run("validate", "-f", dir.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("2 objects, all valid");
  }

  @Test
  void a_skipped_sub_folder_and_file_are_named_on_stderr() throws IOException {
    write("web.yaml", POD.replace("NAME", "web"));
    write("more/db.yaml", POD.replace("NAME", "db"));
    write("notes.txt", "x");
    CliRun r = CliRun.run("validate", "-f", dir.toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.err).contains(
        "warning: " + dir.resolve("more") + File.separator + ": skipped: a sub-folder; -f DIR reads only the files directly in DIR",
        "warning: " + dir.resolve("notes.txt") + ": skipped: not a .yaml, .yml or .json file");
    assertThat(r.out).contains("1 objects, all valid");
  }

  @Test
  void validate_on_a_folder_with_no_manifests_is_refused() throws IOException {
    write("notes.txt", "x");
    CliRun r = CliRun.run("validate", "-f", dir.toString());
    assertThat(r.exit).as(r.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).isEqualTo("error: " + dir + ": no Kubernetes objects: the folder holds no .yaml, .yml or .json file (skipped: "
        + dir.resolve("notes.txt") + ")\n");
    assertThat(r.out).isEmpty();
  }

  @Test
  void validate_on_an_empty_file_is_refused() throws IOException {
    CliRun r = CliRun.run("validate", "-o", "json", "-f", write("empty.yaml", "").toString());
    assertThat(r.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains("empty.yaml: no Kubernetes objects");
  }

  @Test
  void gang_place_with_only_nodes_has_no_gang_to_place() throws IOException {
    CliRun r = CliRun.run("gang", "place", "-f", write("nodes.yaml", NODE).toString());
    assertThat(r.exit).as(r.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains("nodes.yaml: no gang to place: the input holds 1 Node but no pending Pod");
    assertThat(r.out).doesNotContain("every gang fits");
  }
}
