package dev.aiinfra.core.policy.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.dns.DnsPolicy;
import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.model.dns.ResolvConf;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Limits and shape of the kubelet's resolv.conf over generated pods and kubelet settings. */
class KubeletResolvConfPropertiesTest {
  static LongStream seeds() {
    return Seeds.of(20);
  }

  record Case(PodDns pod, KubeletDnsSettings kubelet) {}

  private static final Gen<Case> CASES = r -> new Case(DnsGenerators.pod().next(r), DnsGenerators.kubelet().next(r));

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void the_result_always_respects_the_kubelet_limits(long seed) {
    Property.forAll(seed, CASES, 200, c -> {
      ResolvConf conf = KubeletResolvConf.build(c.pod(), c.kubelet()).resolvConf();
      assertThat(conf.nameservers()).hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates();
      assertThat(conf.searches()).hasSizeLessThanOrEqualTo(32).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(253));
      assertThat(String.join(" ", conf.searches()).length()).isLessThanOrEqualTo(2048);
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void cluster_pods_search_their_namespace_first(long seed) {
    Gen<Case> clusterPods = CASES.filter(c -> !c.kubelet().clusterDns().isEmpty()
        && (c.pod().dnsPolicy() == DnsPolicy.ClusterFirstWithHostNet || (c.pod().dnsPolicy() == DnsPolicy.ClusterFirst && !c.pod().hostNetwork())));
    Property.forAll(seed, clusterPods, 100, c -> {
      ResolvConf conf = KubeletResolvConf.build(c.pod(), c.kubelet()).resolvConf();
      assertThat(conf.nameservers().get(0)).isEqualTo("10.96.0.10");
      assertThat(conf.searches()).startsWith(c.pod().namespace() + ".svc.cluster.local", "svc.cluster.local", "cluster.local");
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void dns_config_entries_are_kept_unless_a_limit_cuts_them(long seed) {
    Property.forAll(seed, CASES.filter(c -> c.pod().dnsConfig().isPresent()), 100, c -> {
      var result = KubeletResolvConf.build(c.pod(), c.kubelet());
      if (result.diagnostics().stream().noneMatch(d -> d.code().equals("DNS_CONFIG_FORMING"))) {
        assertThat(result.resolvConf().searches()).containsAll(c.pod().dnsConfig().get().searches());
        assertThat(result.resolvConf().nameservers()).containsAll(c.pod().dnsConfig().get().nameservers());
      }
    });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void the_same_input_gives_the_same_file(long seed) {
    Property.forAll(seed, CASES, 100, c ->
        assertThat(KubeletResolvConf.build(c.pod(), c.kubelet())).isEqualTo(KubeletResolvConf.build(c.pod(), c.kubelet())));
  }
}
