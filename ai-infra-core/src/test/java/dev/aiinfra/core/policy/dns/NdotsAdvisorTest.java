package dev.aiinfra.core.policy.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.dns.DnsLookup;
import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.model.dns.ResolverFlavor;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class NdotsAdvisorTest {
  private static final KubeletDnsSettings KUBELET = KubeletDnsSettings.builder().addClusterDns("10.96.0.10").build();
  private static final PodDns POD = PodDns.builder().namespace("ml").build();

  @Test
  void external_names_get_the_lowest_ndots_that_keeps_in_cluster_names_working() {
    List<DnsLookup> lookups =
        List.of(DnsLookup.external("api.openai.com"), DnsLookup.external("huggingface.co"), DnsLookup.inCluster("redis"));
    NdotsAdvice a = NdotsAdvisor.advise(POD, KUBELET, lookups, ResolverFlavor.GLIBC, OptionalInt.empty());
    assertThat(a.ndotsBefore()).isEqualTo(5);
    assertThat(a.ndotsAfter()).isEqualTo(1);
    assertThat(a.queriesBefore()).isEqualTo(4 + 4 + 1);
    assertThat(a.queriesAfter()).isEqualTo(1 + 1 + 1);
    assertThat(a.tuned().dnsConfig().orElseThrow().option("ndots").orElseThrow().value()).contains("1");
  }

  @Test
  void musl_keeps_ndots_above_the_dots_of_in_cluster_names() {
    List<DnsLookup> lookups =
        List.of(DnsLookup.external("storage.eu.example.com"), DnsLookup.inCluster("redis.cache.svc"));
    NdotsAdvice musl = NdotsAdvisor.advise(POD, KUBELET, lookups, ResolverFlavor.MUSL, OptionalInt.empty());
    assertThat(musl.ndotsAfter()).isEqualTo(3);
    assertThat(musl.queriesAfter()).isEqualTo(1 + 3);
    assertThat(musl.lookups().get(1).after().answeredBy()).contains("redis.cache.svc.cluster.local.");
  }

  @Test
  void glibc_may_go_below_the_dots_of_in_cluster_names_because_it_falls_back_to_the_search_list() {
    List<DnsLookup> lookups =
        List.of(
            DnsLookup.external("api.openai.com"),
            DnsLookup.external("hub.docker.com"),
            DnsLookup.external("api.github.com"),
            DnsLookup.inCluster("redis.cache.svc"));
    NdotsAdvice glibc = NdotsAdvisor.advise(POD, KUBELET, lookups, ResolverFlavor.GLIBC, OptionalInt.empty());
    NdotsAdvice musl = NdotsAdvisor.advise(POD, KUBELET, lookups, ResolverFlavor.MUSL, OptionalInt.empty());
    assertThat(glibc.ndotsAfter()).isEqualTo(2);
    assertThat(glibc.queriesAfter()).isEqualTo(3 + 4);
    assertThat(glibc.lookups().get(3).after().answeredBy()).contains("redis.cache.svc.cluster.local.");
    assertThat(musl.ndotsAfter()).isEqualTo(5);
  }

  @Test
  void ties_keep_the_higher_ndots() {
    List<DnsLookup> lookups = List.of(DnsLookup.inCluster("redis"));
    NdotsAdvice a = NdotsAdvisor.advise(POD, KUBELET, lookups, ResolverFlavor.GLIBC, OptionalInt.empty());
    assertThat(a.changed()).isFalse();
  }

  @Test
  void nothing_changes_without_lookups() {
    NdotsAdvice a = NdotsAdvisor.advise(POD, KUBELET, List.of(), ResolverFlavor.GLIBC, OptionalInt.empty());
    assertThat(a.changed()).isFalse();
    assertThat(a.diagnostics()).extracting(Diagnostic::code).containsExactly("DNS_NO_LOOKUPS");
  }

  @Test
  void a_forced_ndots_that_breaks_a_lookup_is_an_error() {
    NdotsAdvice a =
        NdotsAdvisor.advise(POD, KUBELET, List.of(DnsLookup.inCluster("redis.cache.svc")), ResolverFlavor.MUSL, OptionalInt.of(1));
    assertThat(a.safe()).isFalse();
    assertThat(a.diagnostics()).extracting(Diagnostic::code).contains("DNS_LOOKUP_BROKEN");
  }

  @Test
  void existing_dns_config_is_kept_when_ndots_is_added() {
    PodDns withConfig =
        NdotsAdvisor.withNdots(POD, 3).withDnsConfig(
            NdotsAdvisor.withNdots(POD, 3).dnsConfig().orElseThrow().withSearches("corp.example"));
    NdotsAdvice a = NdotsAdvisor.advise(withConfig, KUBELET, List.of(DnsLookup.external("a.b.c.example.com")), ResolverFlavor.GLIBC, OptionalInt.empty());
    assertThat(a.tuned().dnsConfig().orElseThrow().searches()).containsExactly("corp.example");
  }
}
