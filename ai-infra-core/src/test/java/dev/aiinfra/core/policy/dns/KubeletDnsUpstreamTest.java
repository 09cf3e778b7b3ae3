package dev.aiinfra.core.policy.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.dns.DnsOption;
import dev.aiinfra.core.model.dns.DnsPolicy;
import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.model.dns.PodDnsConfig;
import dev.aiinfra.core.model.dns.PodDnsRules;
import dev.aiinfra.core.model.dns.ResolvConf;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Regression tests from the differential run against the kubelet's dns.Configurer v1.36.3
 * (conformance area DNS). Option order is compared as a set: the kubelet emits map order.
 */
class KubeletDnsUpstreamTest {
  private static PodDns pod(DnsPolicy policy) {
    return PodDns.builder().namespace("ns").dnsPolicy(policy).hostNetwork(false).build();
  }

  @Test
  void the_kubelet_accumulates_every_options_line_keeping_the_last_value_of_each_name() {
    ResolvConf host = ResolvConfParser.kubelet("options rotate:1 rotate\noptions timeout:11 ndots:7\noptions edns0 no-aaaa ndots:2\n");
    assertThat(host.options()).containsExactlyInAnyOrder(
        DnsOption.of("rotate"), DnsOption.of("timeout", "11"), DnsOption.of("ndots", "2"), DnsOption.of("edns0"), DnsOption.of("no-aaaa"));
  }

  @Test
  void a_nameserver_line_without_an_address_makes_the_node_file_invalid() {
    assertThatThrownBy(() -> ResolvConfParser.kubelet("nameserver 10.0.0.1\nnameserver\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nameserver list is empty");
  }

  @Test
  void merged_options_with_an_empty_value_are_written_without_one() {
    KubeletDnsSettings kubelet = KubeletDnsSettings.builder().addClusterDns("10.96.0.10")
        .hostResolvConf(ResolvConfParser.kubelet("options timeout:\n")).build();
    PodDns p = pod(DnsPolicy.Default).withDnsConfig(PodDnsConfig.builder().addOption(DnsOption.of("ndots", "")).build());
    assertThat(KubeletResolvConf.build(p, kubelet).resolvConf().options())
        .containsExactlyInAnyOrder(DnsOption.of("timeout"), DnsOption.of("ndots"));
    // without a dnsConfig the node's options are passed through as written
    assertThat(KubeletResolvConf.build(pod(DnsPolicy.Default), kubelet).resolvConf().options()).containsExactly(DnsOption.of("timeout", ""));
  }

  @Test
  void cluster_dns_addresses_are_written_as_the_kubelet_parses_them() {
    KubeletDnsSettings kubelet = KubeletDnsSettings.builder()
        .addClusterDns("010.096.000.010", "::ffff:10.96.0.11", "2001:DB8:0:0:0:0:0:53", "fd00:0::10").build();
    assertThat(KubeletResolvConf.build(pod(DnsPolicy.ClusterFirst), kubelet).resolvConf().nameservers())
        .containsExactly("10.96.0.10", "10.96.0.11", "2001:db8::53");
  }

  @Test
  void dns_config_nameservers_are_validated_strictly_like_the_api_server_in_1_36() {
    PodDnsConfig config = PodDnsConfig.builder().nameservers(java.util.List.of("::ffff:10.96.0.10", "010.0.0.1", "2001:DB8::1")).build();
    assertThat(PodDnsRules.validate(DnsPolicy.ClusterFirst, Optional.of(config))).extracting(FieldViolation::message)
        .anySatisfy(m -> assertThat(m).contains("must not be an IPv4-mapped IPv6 address"))
        .anySatisfy(m -> assertThat(m).contains("must not have leading 0s"))
        .hasSize(2);
  }
}
