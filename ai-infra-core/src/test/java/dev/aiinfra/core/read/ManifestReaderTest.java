package dev.aiinfra.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {
  private static final String POD =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx\n";
  private final ManifestReader reader = ManifestReader.withDefaults();

  private static ManifestReadException failure(Runnable r) {
    try {
      r.run();
    } catch (ManifestReadException e) {
      return e;
    }
    throw new AssertionError("expected a ManifestReadException");
  }

  @Test
  void known_kinds_become_typed_fabric8_objects_and_crds_generic_ones() {
    List<SourcedObject> objects =
        reader.readString("in.yaml", POD + "---\napiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata:\n  name: js\n");
    assertThat(objects).extracting(o -> (Object) o.object().getClass()).containsExactly(Pod.class, GenericKubernetesResource.class);
    assertThat(objects).extracting(SourcedObject::document).containsExactly(0, 1);
  }

  @Test
  void integer_probe_and_service_ports_read_as_int_or_string() {
    String pod = POD + "    livenessProbe:\n      httpGet:\n        port: 8080\n    readinessProbe:\n      tcpSocket:\n        port: http\n";
    Pod read = (Pod) reader.readString("p.yaml", pod).get(0).object();
    assertThat(read.getSpec().getContainers().get(0).getLivenessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(8080);
    assertThat(read.getSpec().getContainers().get(0).getReadinessProbe().getTcpSocket().getPort().getStrVal()).isEqualTo("http");
  }

  @Test
  void quoted_numbers_and_booleans_are_refused_for_typed_fields_like_the_api_server() {
    String pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: x\n"
        + "    securityContext:\n      runAsUser: \"0\"\n      privileged: \"true\"\n";
    ManifestReadException e = failure(() -> reader.readString("p.yaml", pod));
    assertThat(e.errors()).hasSize(1);
    assertThat(e.errors().get(0).toString()).startsWith("p.yaml: document 0: spec.containers[0].securityContext.");
  }

  @Test
  void json_lists_and_arrays_are_accepted() {
    String json = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"d\"}}]}";
    assertThat(reader.readString("l.json", json)).extracting(o -> (Object) o.object().getClass()).containsExactly(Deployment.class);
    assertThat(reader.readString("a.json", "[" + json + "," + json.replace("\"d\"", "\"e\"") + "]")).hasSize(2);
  }

  @Test
  void empty_documents_are_skipped_but_keep_their_index() {
    assertThat(reader.readString("x.yaml", "---\n---\n" + POD)).extracting(SourcedObject::document).containsExactly(1);
  }

  @Test
  void malformed_yaml_names_file_document_and_line() {
    ManifestReadException e = failure(() -> reader.readString("bad.yaml", POD + "---\nkind: Pod\nmetadata: [\n  name: x\n"));
    assertThat(e.errors()).hasSize(1);
    assertThat(e.errors().get(0).toString()).startsWith("bad.yaml: document 1: invalid YAML").contains("line");
  }

  @Test
  @Timeout(10) // a hang guard, not a speed check
  void a_billion_laughs_alias_bomb_is_refused_quickly() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(p);
      }
      bomb.append("]\n");
    }
    ManifestReadException e = failure(() -> reader.readString("bomb.yaml", bomb.toString()));
    assertThat(e.getMessage()).contains("bomb.yaml").contains("aliases");
  }

  @Test
  @Timeout(10) // a hang guard, not a speed check
  void ten_thousand_levels_of_nesting_are_refused_quickly() {
    String deep = "a: ".repeat(1) + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    ManifestReadException e = failure(() -> reader.readString("deep.yaml", deep));
    assertThat(e.getMessage()).contains("deep.yaml").containsIgnoringCase("nesting");
    String deepJson = "[".repeat(10_000) + "]".repeat(10_000);
    assertThat(failure(() -> reader.readString("deep.json", deepJson)).getMessage()).contains("deep.json").contains("nesting");
  }

  @Test
  void a_50_megabyte_file_is_refused_before_it_is_read(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.yaml");
    // a sparse file: its size is what the reader must look at, not its bytes
    try (var file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(50L << 20);
    }
    ManifestReadException e = failure(() -> reader.read(List.of(big.toString())));
    assertThat(e.getMessage()).contains("big.yaml").contains("larger than the limit");
  }

  @Test
  void standard_input_is_bounded_too() {
    ManifestReader small = ManifestReader.with(ReadLimits.defaults().withMaxInputBytes(100));
    ManifestReadException e =
        failure(() -> small.read(List.of("-"), new ByteArrayInputStream(new byte[1000])));
    assertThat(e.getMessage()).startsWith("<stdin>").contains("limit of 100 bytes");
  }

  @Test
  void an_unknown_kind_in_a_known_group_is_refused_with_the_kinds_of_that_group() {
    ManifestReadException e =
        failure(() -> reader.readString("t.yaml", "apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: x\n"));
    assertThat(e.errors().get(0).field()).isEqualTo("kind");
    assertThat(e.errors().get(0).rule()).contains("no kind \"Deploymnet\"").contains("Deployment");
  }

  @Test
  void a_crd_kind_at_an_unserved_version_is_refused() {
    ManifestReadException e =
        failure(() -> reader.readString("t.yaml", "apiVersion: jobset.x-k8s.io/v1\nkind: JobSet\nmetadata:\n  name: x\n"));
    assertThat(e.errors().get(0).rule()).contains("JobSet is served as jobset.x-k8s.io/v1alpha2");
  }

  @Test
  void objects_of_unknown_groups_pass_through_as_generic_resources() {
    assertThat(reader.readString("t.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n"))
        .extracting(o -> o.object().getKind())
        .containsExactly("Widget");
  }

  @Test
  void missing_required_fields_are_all_reported() {
    ManifestReadException e = failure(() -> reader.readString("m.yaml", "metadata:\n  labels: {}\n---\napiVersion: v1\nkind: Pod\n"));
    assertThat(e.errors())
        .extracting(InputError::toString)
        .containsExactly(
            "m.yaml: document 0: apiVersion: Required value: every object needs an apiVersion",
            "m.yaml: document 0: kind: Required value: every object needs a kind",
            "m.yaml: document 0: metadata.name: Required value: name or generateName is required",
            "m.yaml: document 1: metadata.name: Required value: name or generateName is required");
  }

  @Test
  void a_value_of_the_wrong_type_is_reported_at_its_field_path() {
    String bad = POD.replace("    image: nginx\n", "    image: nginx\n    ports:\n    - containerPort: eighty\n");
    ManifestReadException e = failure(() -> reader.readString("p.yaml", bad));
    assertThat(e.errors().get(0).field()).isEqualTo("spec.containers[0].ports[0].containerPort");
    assertThat(e.errors().get(0).rule()).isEqualTo("Invalid value: \"eighty\": must be an integer");
  }

  @Test
  void a_value_its_fabric8_type_refuses_is_reported_with_the_value_and_no_java_names() {
    String slice = "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: s}\nspec:\n  driver: d\n  nodeName: n\n"
        + "  pool: {name: p, resourceSliceCount: 1, generation: 1}\n  devices:\n  - name: g\n    capacity:\n      memory:\n"
        + "        value: 8Gi\n        requestPolicy: {validRange: {min: 'needs an a8Gi'}}\n";
    ManifestReadException e = failure(() -> reader.readString("s.yaml", slice));
    assertThat(e.errors().get(0).field()).isEqualTo("spec.devices[0].capacity.memory.requestPolicy.validRange.min");
    assertThat(e.errors().get(0).rule()).startsWith("Invalid value: \"needs an a8Gi\": ")
        .doesNotContain("reference chain", "io.fabric8", "java.");
  }

  @Test
  void broken_json_is_refused_with_its_line_and_column() {
    ManifestReadException e = failure(() -> reader.readString("a.json", "{\"a\": [\n"));
    assertThat(e.errors().get(0).rule()).startsWith("invalid JSON: Unexpected end-of-input")
        .contains("line 1, column 7").doesNotContain("Source", "StreamReadFeature");
  }

  @Test
  void a_file_or_stream_that_is_not_utf8_is_refused_at_its_first_bad_byte(@TempDir Path dir) throws IOException {
    byte[] bytes = "kind: Pod\nx: \u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, bytes);
    String expected = "not UTF-8 text: byte 0xFF at offset 13 does not start or continue a UTF-8 character";
    assertThat(failure(() -> reader.read(List.of(file.toString()))).errors().get(0).rule()).isEqualTo(expected);
    assertThat(failure(() -> reader.read(List.of("-"), new ByteArrayInputStream(bytes))).errors().get(0).rule()).isEqualTo(expected);
  }

  @Test
  void a_map_value_written_without_a_value_is_the_empty_string_as_the_api_server_decodes_it() {
    Pod p = (Pod) reader.readString("p.yaml", POD.replace("  name: web\n", "  name: web\n  labels: {a: }\n")
        + "  nodeSelector: {zone: }\n").get(0).object();
    assertThat(p.getMetadata().getLabels()).containsEntry("a", "");
    assertThat(p.getSpec().getNodeSelector()).containsEntry("zone", "");
  }

  @Test
  void a_document_that_is_not_a_mapping_is_refused() {
    assertThat(failure(() -> reader.readString("s.yaml", "just a string\n")).getMessage())
        .contains("must be a mapping with apiVersion and kind, not a string");
  }

  @Test
  void duplicate_keys_are_refused() {
    assertThat(failure(() -> reader.readString("d.yaml", "apiVersion: v1\nkind: Pod\nkind: Pod\nmetadata: {name: x}\n")).getMessage())
        .contains("duplicate key");
  }

  @Test
  void timestamps_and_yaml_11_scalars_read_as_kubernetes_reads_them() {
    List<SourcedObject> o =
        reader.readString("c.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  when: 2024-01-01\n");
    assertThat(((io.fabric8.kubernetes.api.model.ConfigMap) o.get(0).object()).getData()).containsEntry("when", "2024-01-01");
  }

  @Test
  void directories_are_read_in_file_name_order_and_missing_files_reported(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b.yaml"), POD.replace("web", "b"));
    Files.writeString(dir.resolve("a.yml"), POD.replace("web", "a"));
    Files.writeString(dir.resolve("notes.txt"), "ignored");
    assertThat(reader.read(List.of(dir.toString())))
        .extracting(o -> o.object().getMetadata().getName())
        .containsExactly("a", "b");
    assertThatThrownBy(() -> reader.read(List.of(dir.resolve("nope.yaml").toString())))
        .hasMessageContaining("nope.yaml: no such file or directory");
  }

  @Test
  void errors_from_several_files_are_collected_together(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "kind: Pod\nmetadata: {name: a}\n");
    Files.writeString(dir.resolve("b.yaml"), "apiVersion: v1\nmetadata: {name: b}\n");
    assertThat(failure(() -> reader.read(List.of(dir.toString()))).errors()).hasSize(2);
  }
}
