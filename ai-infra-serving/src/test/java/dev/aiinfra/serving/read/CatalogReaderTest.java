package dev.aiinfra.serving.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.serving.model.pd.ModelSpec;
import dev.aiinfra.serving.model.pd.PdCatalog;
import dev.aiinfra.serving.model.pd.Precision;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogReaderTest {
  private static PdCatalog read(String text) {
    return CatalogReader.read("user.yaml", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void the_builtin_catalog_written_as_a_catalog_file_reads_back_equal() throws IOException {
    try (InputStream in = CatalogReaderTest.class.getResourceAsStream("builtin-catalog.json")) {
      assertThat(CatalogReader.read("builtin-catalog.json", in)).isEqualTo(PdCatalog.builtin());
    }
  }

  @Test
  void fp8_suffix_selects_fp8_weights_and_kv_cache() {
    PdCatalog c = PdCatalog.builtin();
    ModelSpec fp8 = c.model("Qwen/Qwen3-32B-FP8").orElseThrow();
    assertThat(fp8.weights()).isEqualTo(Precision.FP8);
    assertThat(fp8.kvCache()).isEqualTo(Precision.FP8);
    ModelSpec bf16 = c.model("qwen3-32b").orElseThrow();
    assertThat(bf16.weights()).isEqualTo(Precision.BF16);
    assertThat(c.model("meta-llama/Meta-Llama-3.1-70B-Instruct")).map(ModelSpec::id).contains("llama-3.1-70b");
    assertThat(c.model("nvidia/Llama-3.1-70B-Instruct-FP8")).map(ModelSpec::weights).contains(Precision.FP8);
    assertThat(c.model("no/such-model")).isEmpty();
  }

  @Test
  void user_catalog_adds_and_replaces_entries() {
    PdCatalog user = read(String.join("\n",
        "gpus:",
        "- id: h200_sxm",
        "  bf16FlopsPerSecond: 989e12",
        "  memoryBytes: 151397597184",
        "  memoryBytesPerSecond: 4.0e12",
        "  interconnectBytesPerSecond: 450e9",
        "  networkBytesPerSecond: 100e9",
        "models:",
        "- id: tiny",
        "  layers: 2",
        "  hidden: 256",
        "  heads: 4",
        "  kvHeads: 2",
        "  headDim: 64",
        "  intermediate: 1024",
        "  vocab: 1000"));
    PdCatalog merged = PdCatalog.builtin().withAdded(user);
    assertThat(merged.gpu("h200_sxm").orElseThrow().memoryBytesPerSecond()).isEqualTo(4.0e12);
    assertThat(merged.gpus()).hasSize(5);
    assertThat(merged.model("tiny")).isPresent();
    assertThat(merged.models()).hasSize(7);
  }

  @Test
  void every_problem_is_listed_with_its_field_path() {
    ManifestReadException e = catchThrowableOfType(() -> read(String.join("\n",
        "gpus:",
        "- id: x",
        "  bf16FlopsPerSecond: -1",
        "  memoryBytes: 10",
        "  memoryBytesPerSecond: fast",
        "  interconnectBytesPerSecond: 1",
        "  networkBytesPerSecond: 1",
        "  colour: green",
        "models:",
        "- id: m",
        "  layers: 2",
        "  hidden: 256",
        "  heads: 4",
        "  kvHeads: 3",
        "  headDim: 64",
        "  intermediate: 1024",
        "  weights: int4")), ManifestReadException.class);
    assertThat(e.errors().stream().map(InputError::toString).collect(Collectors.joining("\n")))
        .contains("gpus[0].memoryBytesPerSecond", "must be a number")
        .contains("gpus[0].colour", "unknown field")
        .contains("models[0].vocab", "required")
        .contains("models[0].weights", "BF16, FP8");
    assertThat(e.errors()).allSatisfy(err -> assertThat(err.source()).isEqualTo("user.yaml"));
  }

  @Test
  void invalid_values_are_reported_by_the_value_types_rules() {
    ManifestReadException e = catchThrowableOfType(() -> read(String.join("\n",
        "models:",
        "- id: m",
        "  layers: 0",
        "  hidden: 256",
        "  heads: 4",
        "  kvHeads: 3",
        "  headDim: 64",
        "  intermediate: 1024",
        "  vocab: 10")), ManifestReadException.class);
    assertThat(e.errors().stream().map(InputError::toString).collect(Collectors.joining("\n")))
        .contains("models[0].layers").contains("models[0].kvHeads", "must divide heads");
  }

  private static final String GPU = String.join("\n",
      "  bf16FlopsPerSecond: 989e12",
      "  memoryBytes: 85899345920",
      "  memoryBytesPerSecond: 3.35e12",
      "  interconnectBytesPerSecond: 450e9",
      "  networkBytesPerSecond: 50e9",
      "");

  private static String errors(String text) {
    ManifestReadException e = catchThrowableOfType(() -> read(text), ManifestReadException.class);
    assertThat(e).as("refused").isNotNull();
    return e.errors().stream().map(InputError::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void a_gpu_listed_twice_is_refused_at_the_second_id() {
    assertThat(errors("gpus:\n- id: g\n" + GPU + "- id: g\n" + GPU)).isEqualTo("user.yaml: gpus[1].id: Duplicate value: \"g\"");
  }

  @Test
  void gpus_per_node_past_int_is_refused_not_cut() {
    assertThat(errors("gpus:\n- id: g\n" + GPU + "  gpusPerNode: 2147483648\n"))
        .isEqualTo("user.yaml: gpus[0].gpusPerNode: must be a whole number from 1 to 2147483647, not 2147483648");
  }

  @Test
  void a_fractional_gpu_count_is_refused_not_rounded() {
    assertThat(errors("gpus:\n- id: g\n" + GPU + "  gpusPerNode: 8.9\n"))
        .isEqualTo("user.yaml: gpus[0].gpusPerNode: must be a whole number, not 8.9");
  }

  @Test
  void byte_counts_past_long_are_refused_once_each() {
    assertThat(errors("gpus:\n- id: g\n" + GPU.replace("85899345920", "1e30") + "  reservedBytes: -1.5\n"))
        .isEqualTo("user.yaml: gpus[0].memoryBytes: must be a whole number from 1 to 9223372036854775807, not 1E+30\n"
            + "user.yaml: gpus[0].reservedBytes: must be a whole number, not -1.5");
  }

  @Test
  void whole_numbers_written_with_a_decimal_point_are_read() {
    PdCatalog c = read("gpus:\n- id: g\n" + GPU.replace("85899345920", "8.589934592e10") + "  gpusPerNode: 4.0\n");
    assertThat(c.gpu("g").orElseThrow().gpusPerNode()).isEqualTo(4);
    assertThat(c.gpu("g").orElseThrow().memoryBytes()).isEqualTo(85_899_345_920L);
  }
}
