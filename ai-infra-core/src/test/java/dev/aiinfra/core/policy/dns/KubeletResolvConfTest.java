package dev.aiinfra.core.policy.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.dns.DnsOption;
import dev.aiinfra.core.model.dns.DnsPolicy;
import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.model.dns.PodDnsConfig;
import dev.aiinfra.core.model.dns.ResolvConf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeletResolvConfTest {
  private static final ResolvConf HOST =
      ResolvConfParser.kubelet(
          "# node file\nnameserver 10.0.0.2\nnameserver 10.0.0.3\nsearch corp.example.com. .\noptions timeout:2 attempts:3\n");
  private static final KubeletDnsSettings KUBELET =
      KubeletDnsSettings.builder().addClusterDns("10.96.0.10").clusterDomain("cluster.local").hostResolvConf(HOST).build();

  private static PodDns pod(DnsPolicy policy, boolean hostNetwork) {
    return PodDns.builder().namespace("team-a").dnsPolicy(policy).hostNetwork(hostNetwork).build();
  }

  @Test
  void cluster_first_uses_cluster_dns_three_cluster_searches_then_host_searches_and_ndots_5() {
    ResolvConf conf = KubeletResolvConf.build(pod(DnsPolicy.ClusterFirst, false), KUBELET).resolvConf();
    assertThat(conf.nameservers()).containsExactly("10.96.0.10");
    assertThat(conf.searches())
        .containsExactly("team-a.svc.cluster.local", "svc.cluster.local", "cluster.local", "corp.example.com");
    assertThat(conf.options()).containsExactly(DnsOption.of("ndots", "5"));
  }

  @Test
  void the_kubelet_reads_the_last_search_line_trims_dots_and_drops_the_root() {
    ResolvConf host = ResolvConfParser.kubelet("search a.example\nsearch b.example. .\nnameserver 1.1.1.1\n");
    assertThat(host.searches()).containsExactly("b.example");
    assertThat(host.nameservers()).containsExactly("1.1.1.1");
  }

  @Test
  void cluster_first_on_the_host_network_falls_back_to_the_node_file() {
    ResolvConf conf = KubeletResolvConf.build(pod(DnsPolicy.ClusterFirst, true), KUBELET).resolvConf();
    assertThat(conf.nameservers()).containsExactly("10.0.0.2", "10.0.0.3");
    assertThat(conf.searches()).containsExactly("corp.example.com");
    assertThat(conf.options()).extracting(DnsOption::toString).containsExactly("timeout:2", "attempts:3");
  }

  @Test
  void cluster_first_with_host_net_keeps_cluster_dns_on_the_host_network() {
    ResolvConf conf = KubeletResolvConf.build(pod(DnsPolicy.ClusterFirstWithHostNet, true), KUBELET).resolvConf();
    assertThat(conf.nameservers()).containsExactly("10.96.0.10");
  }

  @Test
  void default_policy_takes_the_node_file() {
    ResolvConf conf = KubeletResolvConf.build(pod(DnsPolicy.Default, false), KUBELET).resolvConf();
    assertThat(conf).isEqualTo(HOST);
  }

  @Test
  void none_starts_empty_and_takes_only_dns_config() {
    PodDns none =
        PodDns.builder()
            .dnsPolicy(DnsPolicy.None)
            .dnsConfig(PodDnsConfig.builder().addNameserver("1.1.1.1").addSearch("example.com").build())
            .build();
    ResolvConf conf = KubeletResolvConf.build(none, KUBELET).resolvConf();
    assertThat(conf.nameservers()).containsExactly("1.1.1.1");
    assertThat(conf.searches()).containsExactly("example.com");
    assertThat(conf.options()).isEmpty();
  }

  @Test
  void dns_config_is_appended_deduplicated_and_options_override_by_name() {
    PodDns p =
        pod(DnsPolicy.ClusterFirst, false)
            .withDnsConfig(
                PodDnsConfig.builder()
                    .addNameserver("10.96.0.10")
                    .addNameserver("8.8.8.8")
                    .addSearch("svc.cluster.local")
                    .addSearch("extra.example")
                    .addOption(DnsOption.of("ndots", "2"))
                    .addOption(DnsOption.of("edns0"))
                    .build());
    ResolvConf conf = KubeletResolvConf.build(p, KUBELET).resolvConf();
    assertThat(conf.nameservers()).containsExactly("10.96.0.10", "8.8.8.8");
    assertThat(conf.searches()).endsWith("corp.example.com", "extra.example").doesNotHaveDuplicates();
    assertThat(conf.options()).containsExactly(DnsOption.of("ndots", "2"), DnsOption.of("edns0"));
    assertThat(conf.ndots()).isEqualTo(2);
  }

  @Test
  void more_than_three_nameservers_are_cut_with_a_dns_config_forming_warning() {
    PodDns p =
        pod(DnsPolicy.Default, false)
            .withDnsConfig(PodDnsConfig.builder().addNameserver("9.9.9.9").build());
    KubeletDnsSettings k = KUBELET.withHostResolvConf(ResolvConfParser.kubelet("nameserver 1.1.1.1\nnameserver 1.0.0.1\nnameserver 8.8.8.8\n"));
    ResolvConfResult r = KubeletResolvConf.build(p, k);
    assertThat(r.resolvConf().nameservers()).containsExactly("1.1.1.1", "1.0.0.1", "8.8.8.8");
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("DNS_CONFIG_FORMING");
  }

  @Test
  void search_lists_are_cut_at_32_entries_and_2048_characters() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      many.add("d" + i + ".example");
    }
    ResolvConf host = ResolvConf.builder().searches(many).build();
    ResolvConfResult r =
        KubeletResolvConf.build(pod(DnsPolicy.Default, false), KUBELET.withHostResolvConf(host));
    assertThat(r.resolvConf().searches()).hasSize(32);

    List<String> long6 = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      long6.add(("x" + i + ".").repeat(60) + "example"); // 12 entries of 187 characters: 2255 in all
    }
    ResolvConfResult cut =
        KubeletResolvConf.build(pod(DnsPolicy.Default, false), KUBELET.withHostResolvConf(ResolvConf.builder().searches(long6).build()));
    assertThat(String.join(" ", cut.resolvConf().searches()).length()).isLessThanOrEqualTo(2048);
    assertThat(cut.diagnostics()).extracting(Diagnostic::code).contains("DNS_CONFIG_FORMING");
  }

  @Test
  void search_entries_over_253_characters_are_dropped() {
    String tooLong = "a".repeat(250) + ".com";
    ResolvConfResult r =
        KubeletResolvConf.build(
            pod(DnsPolicy.Default, false),
            KUBELET.withHostResolvConf(ResolvConf.builder().addSearch(tooLong).addSearch("ok.example").build()));
    assertThat(r.resolvConf().searches()).containsExactly("ok.example");
  }

  @Test
  void without_cluster_dns_cluster_first_falls_back_to_default_with_an_event() {
    KubeletDnsSettings noDns = KubeletDnsSettings.builder().hostResolvConf(HOST).build();
    ResolvConfResult r = KubeletResolvConf.build(pod(DnsPolicy.ClusterFirst, false), noDns);
    assertThat(r.resolvConf().nameservers()).containsExactly("10.0.0.2", "10.0.0.3");
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("MISSING_CLUSTER_DNS");
  }

  @Test
  void an_empty_resolv_conf_flag_gives_localhost_and_the_root_search() {
    KubeletDnsSettings disabled = KubeletDnsSettings.builder().addClusterDns("10.96.0.10").resolvConfDisabled(true).build();
    ResolvConf conf = KubeletResolvConf.build(pod(DnsPolicy.Default, false), disabled).resolvConf();
    assertThat(conf.nameservers()).containsExactly("127.0.0.1");
    assertThat(conf.searches()).containsExactly(".");
  }

  @Test
  void an_empty_cluster_domain_keeps_only_host_searches() {
    KubeletDnsSettings k = KUBELET.withClusterDomain("");
    assertThat(KubeletResolvConf.build(pod(DnsPolicy.ClusterFirst, false), k).resolvConf().searches())
        .containsExactly("corp.example.com");
  }
}
