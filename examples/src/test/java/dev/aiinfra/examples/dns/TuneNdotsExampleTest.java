package dev.aiinfra.examples.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.render.dns.TunedBundle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TuneNdotsExampleTest {
  @Test
  void the_example_cuts_queries_and_prints_the_tuned_yaml() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TunedBundle tuned = TuneNdotsExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(tuned.queriesBefore()).isEqualTo(4 + 4 + 2);
    assertThat(tuned.queriesAfter()).isEqualTo(1 + 1 + 2);
    assertThat(out).contains("ndots 5 -> 2").contains("kind: Deployment").contains("value: '2'");
  }
}
