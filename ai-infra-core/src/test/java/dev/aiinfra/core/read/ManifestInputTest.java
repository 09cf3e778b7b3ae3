package dev.aiinfra.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -f} inputs as the command reads them: folder entries, skipped entries named, and no objects refused (issue 15, defect 1). */
class ManifestInputTest {
  private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: NAME}\nspec: {containers: [{name: c, image: nginx}]}\n";
  private static final InputStream NO_STDIN = InputStream.nullInputStream();
  private final ManifestReader reader = ManifestReader.withDefaults();
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static String pod(String name) {
    return POD.replace("NAME", name);
  }

  private static List<String> errors(Runnable r) {
    try {
      r.run();
    } catch (ManifestReadException e) {
      return e.errors().stream().map(InputError::toString).toList();
    }
    throw new AssertionError("expected a ManifestReadException");
  }

  @Test
  void a_folder_reads_yaml_yml_and_json_in_any_letter_case() throws IOException {
    write("a.YAML", pod("a"));
    write("b.Yml", pod("b"));
    write("c.JSON", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");
    write("d.yaml", pod("d"));
    ManifestInput input = reader.readInput(List.of(dir.toString()), NO_STDIN);
    assertThat(input.objects()).extracting(o -> o.object().getMetadata().getName()).containsExactly("a", "b", "c", "d");
    assertThat(input.skipped()).isEmpty();
  }

  @Test
  void sub_folders_are_not_read_and_are_named_as_skipped() throws IOException {
    write("top.yaml", pod("top"));
    write("nested/deep.yaml", pod("deep"));
    ManifestInput input = reader.readInput(List.of(dir.toString()), NO_STDIN);
    assertThat(input.objects()).extracting(o -> o.object().getMetadata().getName()).containsExactly("top");
    assertThat(input.skipped()).singleElement().asString()
        .isEqualTo(dir.resolve("nested") + File.separator + ": skipped: a sub-folder; -f DIR reads only the files directly in DIR"
            + " (as kubectl does without -R): give the sub-folder its own -f");
  }

  @Test
  void files_that_are_not_manifests_are_named_as_skipped() throws IOException {
    write("pod.yaml", pod("p"));
    write("README.md", "# notes");
    write("pod.yaml.bak", pod("old"));
    ManifestInput input = reader.readInput(List.of(dir.toString()), NO_STDIN);
    assertThat(input.skipped()).extracting(SkippedEntry::path)
        .containsExactly(dir.resolve("README.md").toString(), dir.resolve("pod.yaml.bak").toString());
    assertThat(input.skipped()).extracting(SkippedEntry::reason).containsOnly("not a .yaml, .yml or .json file");
  }

  @Test
  void an_empty_file_is_refused_naming_it() throws IOException {
    Path empty = write("empty.yaml", "# nothing yet\n---\n");
    assertThat(errors(() -> reader.readInput(List.of(empty.toString()), NO_STDIN))).containsExactly(
        empty + ": no Kubernetes objects: the input is empty or holds only comments, empty documents and empty Lists");
  }

  @Test
  void empty_standard_input_is_refused_as_stdin() {
    assertThat(errors(() -> reader.readInput(List.of("-"), new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8)))))
        .singleElement().asString().startsWith("<stdin>: no Kubernetes objects");
  }

  @Test
  void a_folder_without_manifests_is_refused_naming_what_it_skipped() throws IOException {
    write("notes.txt", "x");
    write("nested/pod.yaml", pod("p"));
    assertThat(errors(() -> reader.readInput(List.of(dir.toString()), NO_STDIN))).containsExactly(
        dir + ": no Kubernetes objects: the folder holds no .yaml, .yml or .json file (skipped: "
            + dir.resolve("nested") + File.separator + ", " + dir.resolve("notes.txt") + ")");
  }

  @Test
  void a_folder_of_empty_manifests_is_refused_counting_them() throws IOException {
    write("a.yaml", "");
    write("b.yaml", "---\n");
    assertThat(errors(() -> reader.readInput(List.of(dir.toString()), NO_STDIN))).singleElement().asString()
        .isEqualTo(dir + ": no Kubernetes objects: its 2 manifest files are empty or hold only comments, empty documents and empty Lists");
  }

  @Test
  void several_inputs_without_objects_are_each_named() throws IOException {
    Path a = write("a.yaml", "");
    Path b = write("b.json", "[]");
    assertThat(errors(() -> reader.readInput(List.of(a.toString(), b.toString()), NO_STDIN)))
        .extracting(e -> e.substring(0, e.indexOf(": no Kubernetes objects")))
        .containsExactly(a.toString(), b.toString());
  }

  @Test
  void an_empty_input_next_to_one_with_objects_is_accepted_as_kubectl_does() throws IOException {
    Path empty = write("empty.yaml", "");
    Path pods = write("pods.yaml", pod("p"));
    assertThat(reader.readInput(List.of(empty.toString(), pods.toString()), NO_STDIN).objects()).hasSize(1);
  }

  @Test
  void a_broken_input_is_reported_before_the_lack_of_objects() throws IOException {
    Path broken = write("broken.yaml", "kind: Pod\nmetadata: {name: p}\n");
    assertThatThrownBy(() -> reader.readInput(List.of(broken.toString()), NO_STDIN))
        .hasMessageContaining("apiVersion: Required value");
  }
}
