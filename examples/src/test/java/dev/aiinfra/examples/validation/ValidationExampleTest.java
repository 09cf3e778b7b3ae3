package dev.aiinfra.examples.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExampleTest {
  @Test
  void every_violation_of_the_broken_pod_is_reported_at_its_field() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<String> findings = ValidationExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(findings).map(f -> f.substring(0, f.indexOf(':'))).containsExactly(
        "metadata.name", "spec.dnsConfig.nameservers", "spec.dnsConfig.nameservers[3]", "spec.dnsConfig.options[0]");
    assertThat(findings.get(1)).endsWith("must not have more than 3 nameservers");
    assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("apiVersion: v1\nkind: Pod\n");
  }
}
