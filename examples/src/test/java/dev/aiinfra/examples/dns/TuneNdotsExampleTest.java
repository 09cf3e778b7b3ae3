package dev.aiinfra.examples.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.render.dns.TunedBundle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TuneNdotsExampleTest {
  @Test
  void the_example_cuts_queries_for_glibc_templates_and_leaves_the_musl_job_alone() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TunedBundle tuned = TuneNdotsExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(tuned.queriesBefore()).isEqualTo(10 + 13 + 10);
    assertThat(tuned.queriesAfter()).isEqualTo(5 + 13 + 5);
    assertThat(out).contains("Deployment ml/gateway spec.template.spec: ndots 5 -> 1", "CronJob ml/sync-weights", "kind: JobSet", "value: '1'");
  }

  @Test
  void the_findings_give_each_template_and_the_total() {
    assertThat(TuneNdotsExample.findings()).hasSize(4).last().isEqualTo("queries per round of lookups: 33 -> 23");
  }
}
