package dev.aiinfra.conformance.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerApplyTest {
  @Test
  void a_warning_header_gives_its_quoted_text() {
    assertThat(ServerApply.warningText("299 - \"unknown field \\\"spec.foo\\\"\""))
        .isEqualTo("unknown field \"spec.foo\"");
  }

  @Test
  void a_warning_header_without_quotes_is_kept_whole() {
    assertThat(ServerApply.warningText("299 - plain")).isEqualTo("299 - plain");
  }
}
