package dev.aiinfra.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A catalog constant is how a diagnostic gets its code; the code in output is the constant's name. */
class DiagnosticCodeTest {
  @Test
  void a_diagnostic_built_from_a_catalog_constant_carries_its_name_as_the_code() {
    Diagnostic d = Diagnostic.builder().code(CoreCode.MISSING_CLUSTER_DNS).message("m").build();

    assertThat(d.code()).isEqualTo("MISSING_CLUSTER_DNS");
  }

  @Test
  void the_factories_take_a_catalog_constant_and_keep_their_severity() {
    assertThat(Diagnostic.warning(CoreCode.DNS_CONFIG_FORMING, "m").severity()).isEqualTo(Severity.WARNING);
    assertThat(Diagnostic.info(CoreCode.DNS_NO_LOOKUPS, "m").code()).isEqualTo("DNS_NO_LOOKUPS");
    assertThat(Diagnostic.error(CoreCode.RESTART_RULES_UNAVAILABLE, "m").isError()).isTrue();
  }

  @Test
  void a_catalog_constant_matches_the_diagnostics_that_carry_it_and_no_other() {
    Diagnostic d = Diagnostic.info(CoreCode.DNS_NO_LOOKUPS, "m");

    assertThat(CoreCode.DNS_NO_LOOKUPS.matches(d)).isTrue();
    assertThat(CoreCode.DNS_LOOKUP_BROKEN.matches(d)).isFalse();
  }
}
