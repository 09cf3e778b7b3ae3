package dev.aiinfra.testing.dns;

import dev.aiinfra.core.model.dns.DnsAnswer;
import dev.aiinfra.core.model.dns.DnsLookup;
import dev.aiinfra.core.model.dns.DnsOption;
import dev.aiinfra.core.model.dns.DnsPolicy;
import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.model.dns.PodDnsConfig;
import dev.aiinfra.core.model.dns.ResolvConf;
import dev.aiinfra.testing.Gen;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Generators for pod DNS settings and stub-resolver inputs. */
public final class DnsGenerators {
  private static final String LABEL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

  private DnsGenerators() {}

  /** A DNS label of 1..8 lower-case alphanumerics. */
  public static Gen<String> label() {
    return Gen.strings(LABEL_CHARS, 1, 8);
  }

  /** A host name of exactly {@code dots} dots (dots+1 labels). */
  public static Gen<String> nameWithDots(int dots) {
    return r -> {
      StringBuilder s = new StringBuilder(label().next(r));
      for (int i = 0; i < dots; i++) {
        s.append('.').append(label().next(r));
      }
      return s.toString();
    };
  }

  /** A host name of 0..maxDots dots, sometimes with a trailing dot. */
  public static Gen<String> name(int maxDots, double trailingDotChance) {
    return r -> nameWithDots(r.nextInt(maxDots + 1)).next(r) + (r.nextDouble() < trailingDotChance ? "." : "");
  }

  /** A search list of distinct domains (1..3 labels each), {@code min..max} entries. */
  public static Gen<List<String>> searchList(int min, int max) {
    return Gen.listOf(r -> nameWithDots(r.nextInt(3)).next(r), min, max).map(l -> new ArrayList<>(new java.util.LinkedHashSet<>(l)));
  }

  /** A resolv.conf with one nameserver, a short search list and ndots 0..6. */
  public static Gen<ResolvConf> resolvConf() {
    return r -> ResolvConf.builder()
        .addNameserver("10.96.0.10")
        .searches(searchList(0, 5).next(r))
        .addOption(DnsOption.of("ndots", Integer.toString(r.nextInt(7))))
        .build();
  }

  /** An answer function: each listed name gets a random answer, everything else NXDOMAIN. */
  public static Gen<Map<String, DnsAnswer>> answers(List<String> candidates) {
    return r -> {
      Map<String, DnsAnswer> m = new HashMap<>();
      for (String c : candidates) {
        double p = r.nextDouble();
        m.put(c, p < 0.15 ? DnsAnswer.FOUND : p < 0.25 ? DnsAnswer.NODATA : p < 0.3 ? DnsAnswer.SERVFAIL : DnsAnswer.NXDOMAIN);
      }
      return m;
    };
  }

  /** External names (1..3 dots) and in-cluster names (0..2 dots or {@code x.y.svc}). */
  public static Gen<List<DnsLookup>> lookups(int min, int max) {
    Gen<DnsLookup> external = r -> DnsLookup.external(nameWithDots(1 + r.nextInt(3)).next(r));
    Gen<DnsLookup> inCluster = r -> {
      int kind = r.nextInt(4);
      String svc = label().next(r);
      String ns = label().next(r);
      String name = kind == 0 ? svc : kind == 1 ? svc + "." + ns : kind == 2 ? svc + "." + ns + ".svc" : svc + "." + ns + ".svc.cluster.local";
      return DnsLookup.inCluster(name);
    };
    return Gen.listOf(Gen.oneOfGens(external, inCluster), min, max);
  }

  /** A pod with any DNS policy, sometimes host network, sometimes a dnsConfig with ndots. */
  public static Gen<PodDns> pod() {
    return r -> {
      DnsPolicy policy = Gen.oneOf(DnsPolicy.ClusterFirst, DnsPolicy.ClusterFirst, DnsPolicy.ClusterFirstWithHostNet, DnsPolicy.Default, DnsPolicy.None).next(r);
      PodDns.Builder b = PodDns.builder().namespace(label().next(r)).dnsPolicy(policy).hostNetwork(r.nextInt(4) == 0);
      if (policy == DnsPolicy.None || r.nextBoolean()) {
        PodDnsConfig.Builder c = PodDnsConfig.builder();
        if (policy == DnsPolicy.None || r.nextBoolean()) {
          c.addNameserver("10.0.0." + (1 + r.nextInt(200)));
        }
        c.searches(searchList(0, 3).next(r));
        if (r.nextBoolean()) {
          c.addOption(DnsOption.of("ndots", Integer.toString(1 + r.nextInt(6))));
        }
        b.dnsConfig(c.build());
      }
      return b.build();
    };
  }

  /** Kubelet settings with a cluster DNS IP (usually), a host resolv.conf (sometimes). */
  public static Gen<KubeletDnsSettings> kubelet() {
    return r -> {
      KubeletDnsSettings.Builder b = KubeletDnsSettings.builder();
      if (r.nextInt(8) != 0) {
        b.addClusterDns("10.96.0.10");
      }
      if (r.nextBoolean()) {
        b.hostResolvConf(ResolvConf.builder().addNameserver("10.0.0.2").searches(searchList(0, 40).next(r)).build());
      }
      return b.build();
    };
  }
}
