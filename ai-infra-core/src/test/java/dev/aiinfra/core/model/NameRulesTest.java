package dev.aiinfra.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.validation.NameRules;
import org.junit.jupiter.api.Test;

class NameRulesTest {

  @Test
  void dns_labels_are_lower_case_alphanumerics_and_dashes() {
    assertThat(NameRules.dns1123Label("trainer-0")).isEmpty();
    assertThat(NameRules.dns1123Label("Trainer")).isNotEmpty();
    assertThat(NameRules.dns1123Label("-x")).isNotEmpty();
    assertThat(NameRules.dns1123Label("a".repeat(64))).anyMatch(e -> e.contains("no more than 63"));
  }

  @Test
  void dns1035_labels_must_start_with_a_letter() {
    assertThat(NameRules.dns1035Label("web")).isEmpty();
    assertThat(NameRules.dns1035Label("1web")).isNotEmpty();
  }

  @Test
  void subdomains_allow_dots() {
    assertThat(NameRules.dns1123Subdomain("gpu.example.com")).isEmpty();
    assertThat(NameRules.dns1123Subdomain("gpu..example")).isNotEmpty();
  }

  @Test
  void qualified_names_have_an_optional_subdomain_prefix() {
    assertThat(NameRules.qualifiedName("nvidia.com/gpu")).isEmpty();
    assertThat(NameRules.qualifiedName("app.kubernetes.io/name")).isEmpty();
    assertThat(NameRules.qualifiedName("/x")).contains("prefix part must be non-empty");
    assertThat(NameRules.qualifiedName("a/b/c")).isNotEmpty();
  }

  @Test
  void label_values_may_be_empty() {
    assertThat(NameRules.labelValue("")).isEmpty();
    assertThat(NameRules.labelValue("v1.2_x")).isEmpty();
    assertThat(NameRules.labelValue("bad value")).isNotEmpty();
  }

  @Test
  void ip_literals_are_checked_without_lookups() {
    assertThat(NameRules.ipAddress("10.96.0.10")).isEmpty();
    assertThat(NameRules.ipAddress("2001:db8::ffff")).isEmpty();
    assertThat(NameRules.ipAddress("::1")).isEmpty();
    assertThat(NameRules.ipAddress("::ffff:10.0.0.1")).isEmpty();
    assertThat(NameRules.ipAddress("256.1.1.1")).isNotEmpty();
    assertThat(NameRules.ipAddress("localhost")).isNotEmpty();
    assertThat(NameRules.ipAddress("1:2:3:4:5:6:7:8:9")).isNotEmpty();
  }

  @Test
  void relaxed_search_domains_allow_underscores_and_a_lone_dot() {
    assertThat(NameRules.relaxedSearchDomain("_srv.example.com")).isEmpty();
    assertThat(NameRules.relaxedSearchDomain(".")).isEmpty();
    assertThat(NameRules.relaxedSearchDomain("example.com.")).isEmpty();
    assertThat(NameRules.relaxedSearchDomain("Bad Domain")).isNotEmpty();
  }
}
