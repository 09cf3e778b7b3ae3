package dev.aiinfra.testing.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeExampleTest {
  private static final Path SOURCE = Path.of("src/test/java/dev/aiinfra/testing/example/TrainingJobTest.java");
  private static final Path README = Path.of("../README.md");

  /** The README's "Testing your workloads" shows this test whole, so that it compiles and passes as shown. */
  @Test
  void the_readme_shows_the_kit_example_complete() throws IOException {
    String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    assertThat(readme).contains("```java\n" + source + "```\n");
  }
}
