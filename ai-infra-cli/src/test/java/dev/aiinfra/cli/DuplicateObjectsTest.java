package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same object twice in the input: every command that takes each object once says where both are. */
class DuplicateObjectsTest {
  private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n";
  @TempDir Path dir;
  private String file;

  @BeforeEach
  void write() throws IOException {
    Path p = dir.resolve("twice.yaml");
    Files.writeString(p, CONFIG_MAP + "---\n" + CONFIG_MAP);
    file = p.toString();
  }

  @Test
  void validate_reports_the_second_object_with_the_document_of_the_first() {
    CliRun r = CliRun.run("validate", "-f", file);
    assertThat(r.exit).isEqualTo(ExitCodes.NEGATIVE);
    assertThat(r.out).contains(file + ": document 1: ConfigMap c: metadata.name: Duplicate value: \"ConfigMap c\": the same object is "
        + file + ": document 0; each object may appear once");
  }

  @Test
  void dns_tune_refuses_the_input_naming_file_and_document() {
    CliRun r = CliRun.run("dns", "tune", "--ndots", "1", "-f", file);
    assertThat(r.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains("error: " + file + ": document 1: metadata.name: Duplicate value: \"ConfigMap c\": the same object is "
        + file + ": document 0");
  }
}
