package dev.aiinfra.core.policy.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.dns.DnsOption;
import dev.aiinfra.core.model.dns.DnsPolicy;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.model.dns.PodDnsConfig;
import dev.aiinfra.core.model.dns.PodDnsRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodDnsRulesTest {

  @Test
  void policy_none_requires_dns_config() {
    assertThat(PodDnsRules.validate(DnsPolicy.None, Optional.empty()))
        .extracting(FieldViolation::field, FieldViolation::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("dnsConfig", FieldErrorType.Required));
  }

  @Test
  void policy_none_requires_a_nameserver() {
    assertThat(PodDnsRules.validate(DnsPolicy.None, Optional.of(PodDnsConfig.builder().build())))
        .extracting(FieldViolation::field)
        .containsExactly("dnsConfig.nameservers");
  }

  @Test
  void every_violation_is_reported_with_its_path() {
    List<String> searches = new ArrayList<>();
    for (int i = 0; i < 33; i++) {
      searches.add("s" + i + ".example");
    }
    PodDnsConfig bad =
        PodDnsConfig.builder()
            .addNameservers("1.1.1.1", "2.2.2.2", "3.3.3.3", "not-an-ip")
            .searches(searches)
            .addSearch("Bad Domain")
            .addOption(DnsOption.of(""))
            .build();
    List<FieldViolation> v = PodDnsRules.validate(DnsPolicy.ClusterFirst, Optional.of(bad));
    assertThat(v)
        .extracting(FieldViolation::field)
        .containsExactly(
            "dnsConfig.nameservers",
            "dnsConfig.nameservers[3]",
            "dnsConfig.searches",
            "dnsConfig.searches[33]",
            "dnsConfig.options[0]");
    assertThat(v.get(1).message()).isEqualTo("Invalid value: \"not-an-ip\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
  }

  @Test
  void the_search_line_may_not_exceed_2048_characters() {
    List<String> searches = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      searches.add("a".repeat(200) + i + ".com");
    }
    assertThat(PodDnsRules.validate(DnsPolicy.ClusterFirst, Optional.of(PodDnsConfig.builder().searches(searches).build())))
        .extracting(FieldViolation::detail)
        .contains("must not have more than 2048 characters (including spaces) in the search list");
  }

  @Test
  void building_an_invalid_pod_dns_throws_with_all_violations() {
    assertThatThrownBy(
            () -> PodDns.builder()
                .dnsPolicy(DnsPolicy.ClusterFirst)
                .dnsConfig(PodDnsConfig.builder().addNameserver("x").addNameserver("y").build())
                .build())
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.violations()).hasSize(2));
  }

  @Test
  void an_unnamed_option_is_required_at_the_option_path_like_the_api_server() {
    PodDnsConfig config = PodDnsConfig.builder().addNameserver("10.0.0.10").addOption(DnsOption.of("", "2")).build();
    List<FieldViolation> v = PodDnsRules.validate(DnsPolicy.ClusterFirst, Optional.of(config));
    assertThat(v).extracting(FieldViolation::field).containsExactly("dnsConfig.options[0]");
    assertThat(v.get(0).type()).isEqualTo(dev.aiinfra.core.model.FieldErrorType.Required);
  }
}
