package dev.aiinfra.examples.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.render.dns.TunedBundle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResolvConfExampleTest {
  private static final Path SOURCE = Path.of("src/main/java/dev/aiinfra/examples/dns/ResolvConfExample.java");
  private static final Path README = Path.of("../README.md");

  @Test
  void the_example_walks_the_search_list_then_tunes_ndots() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TunedBundle tuned = ResolvConfExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).startsWith("[api.openai.com.ml.svc.cluster.local., api.openai.com.svc.cluster.local., api.openai.com.cluster.local., api.openai.com.]");
    assertThat(tuned.queriesAfter()).isLessThan(tuned.queriesBefore());
    assertThat(out).contains("kind: Deployment", "name: ndots");
  }

  /** Issue 15 #9: the README shows this program whole (imports and all), so that it can be copied and run. */
  @Test
  void the_readme_shows_this_program_complete() throws IOException {
    String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    assertThat(readme).contains("```java\n" + source + "```\n");
  }
}
