package dev.aiinfra.core.policy.dns;

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
import java.util.LinkedHashMap;
import java.util.SplittableRandom;
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

  // ---- Raw inputs (plain maps and text) for differential tests against the kubelet ----

  private static final List<String> IPV4 = List.of("10.96.0.10", "10.0.0.2", "1.1.1.1", "8.8.8.8", "169.254.20.10", "192.168.0.53");
  private static final List<String> IPV6 = List.of("fd00::10", "2001:db8::53", "fe80::1", "::1", "2001:4860:4860::8888");
  private static final List<String> OPTION_NAMES = List.of("ndots", "timeout", "attempts", "rotate", "edns0",
      "single-request", "single-request-reopen", "use-vc", "no-aaaa", "trust-ad");

  /** Addresses in non-canonical or borderline spellings (upper case, long IPv6, IPv4-mapped, leading zeros). */
  private static final List<String> ODD_IPS = List.of("2001:DB8::53", "2001:db8:0:0:0:0:0:53", "::ffff:10.96.0.10",
      "010.096.000.010", "10.96.0.010", "fd00:0::10", "1.2.3", "10.96.0.256", "::", "0.0.0.0", "fe80::1%eth0", " 10.0.0.1");

  private static Gen<String> ip() {
    return r -> r.nextDouble() < 0.04 ? Gen.oneOf(ODD_IPS).next(r) : Gen.oneOfGens(Gen.oneOf(IPV4), Gen.oneOf(IPV4), Gen.oneOf(IPV6),
        rr -> "10." + rr.nextInt(256) + "." + rr.nextInt(256) + "." + (1 + rr.nextInt(254))).next(r);
  }

  /** A search domain: usually 1..4 labels, sometimes with a trailing dot, {@code .}, or a long one. */
  private static Gen<String> searchDomain() {
    return r -> {
      double p = r.nextDouble();
      if (p < 0.03) {
        return ".";
      }
      if (p < 0.08) {
        // long names: 63-character labels up to 253 characters (and past, for the kubelet's filter)
        StringBuilder sb = new StringBuilder();
        int labels = 2 + r.nextInt(3);
        for (int i = 0; i < labels; i++) {
          if (i > 0) {
            sb.append('.');
          }
          sb.append(Gen.strings(LABEL_CHARS, 40, 63).next(r));
        }
        return sb.toString();
      }
      String name = nameWithDots(r.nextInt(4)).next(r);
      if (p < 0.12) {
        name = "_" + name;
      }
      return name + (r.nextDouble() < 0.1 ? "." : "");
    };
  }

  /** A domain of exactly {@code length} characters (labels of at most 63, no leading or trailing dot). */
  private static String domainOfLength(int length, SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < length) {
      int room = length - sb.length();
      if (sb.length() > 0) {
        sb.append('.');
        room--;
      }
      int label = Math.min(63, room);
      if (room - label == 1) {
        label--; // never leave room for a lone dot
      }
      sb.append(Gen.strings(LABEL_CHARS, label, label).next(r));
    }
    return sb.toString();
  }

  /**
   * A search list whose line ({@code " "}-joined) is exactly {@code total} characters, of domains
   * of 150..250 characters: for the 2048-character limits of the API and the kubelet.
   */
  public static Gen<List<String>> searchLineOfLength(int total) {
    return r -> {
      List<String> out = new ArrayList<>();
      int left = total;
      while (left > 0) {
        int len;
        if (left <= 250) {
          len = left;
        } else {
          len = 150 + r.nextInt(101);
          if (left - len - 1 < 20) {
            len = left - 101; // leave a last domain of 100 characters
          }
        }
        out.add(domainOfLength(len, r));
        left -= len;
        if (left > 0) {
          left--; // the space before the next domain
        }
      }
      return out;
    };
  }

  private static Map<String, Object> option(SplittableRandom r) {
    Map<String, Object> o = new LinkedHashMap<>();
    String name = r.nextDouble() < 0.03 ? "" : Gen.oneOf(OPTION_NAMES).next(r);
    o.put("name", name);
    double p = r.nextDouble();
    if (name.equals("ndots") || name.equals("timeout") || name.equals("attempts")) {
      if (p < 0.85) {
        o.put("value", Integer.toString(r.nextInt(16)));
      } else if (p < 0.92) {
        o.put("value", "");
      }
    } else if (p < 0.1) {
      o.put("value", p < 0.05 ? "" : "1");
    }
    return o;
  }

  /**
   * A pod spec's DNS fields as plain maps: any {@code dnsPolicy} (or none, rarely an unknown one),
   * {@code hostNetwork}, and a {@code dnsConfig} with 0..4 nameservers (IPv4 and IPv6), 0..33
   * search domains (trailing dots, {@code .}, long names up to and past the 2048-character line),
   * and options with and without values, duplicates and empty names.
   */
  public static Gen<Map<String, Object>> podSpecTree() {
    return r -> {
      Map<String, Object> spec = new LinkedHashMap<>();
      double d = r.nextDouble();
      if (d < 0.85) {
        spec.put("dnsPolicy", Gen.oneOf("ClusterFirst", "ClusterFirstWithHostNet", "Default", "None").next(r));
      } else if (d < 0.87) {
        spec.put("dnsPolicy", Gen.oneOf("clusterfirst", "Host").next(r));
      }
      if (r.nextDouble() < 0.4) {
        spec.put("hostNetwork", r.nextDouble() < 0.75);
      }
      if ("None".equals(spec.get("dnsPolicy")) ? r.nextDouble() < 0.97 : r.nextDouble() < 0.6) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        double n = r.nextDouble();
        int nameservers = n < 0.2 ? 0 : n < 0.97 ? 1 + r.nextInt(3) : 4;
        if (nameservers > 0 || r.nextDouble() < 0.1) {
          List<String> ns = new ArrayList<>();
          for (int i = 0; i < nameservers; i++) {
            ns.add(r.nextDouble() < 0.02 ? "not-an-ip" : ip().next(r));
          }
          cfg.put("nameservers", ns);
        }
        double s = r.nextDouble();
        int searches = s < 0.3 ? 0 : s < 0.85 ? 1 + r.nextInt(6) : s < 0.97 ? 7 + r.nextInt(26) : 33;
        if (r.nextDouble() < 0.05) {
          // at the API's 2048-character limit: one under, exactly, one over
          cfg.put("searches", searchLineOfLength(2047 + r.nextInt(3)).next(r));
        } else if (searches > 0 || r.nextDouble() < 0.1) {
          List<String> ss = new ArrayList<>();
          for (int i = 0; i < searches; i++) {
            ss.add(searchDomain().next(r));
          }
          if (!ss.isEmpty() && r.nextDouble() < 0.15) {
            ss.add(ss.get(r.nextInt(ss.size())));
          }
          cfg.put("searches", ss);
        }
        if (r.nextDouble() < 0.6) {
          List<Object> options = new ArrayList<>();
          int k = 1 + r.nextInt(4);
          for (int i = 0; i < k; i++) {
            options.add(option(r));
          }
          cfg.put("options", options);
        }
        spec.put("dnsConfig", cfg);
      }
      spec.put("containers", List.of(Map.of("name", "app", "image", "app:1")));
      return spec;
    };
  }

  /**
   * The node's resolv.conf as text: several nameserver lines (IPv4 and IPv6), one or more search
   * lines (the last wins; trailing dots, {@code .}, many or long domains), several options lines
   * with duplicates, {@code domain} lines, comments, blank lines, tabs and CRLF endings.
   */
  public static Gen<String> hostResolvConfText() {
    return r -> {
      StringBuilder sb = new StringBuilder();
      String eol = r.nextDouble() < 0.1 ? "\r\n" : "\n";
      String sep = r.nextDouble() < 0.15 ? "\t" : " ";
      if (r.nextDouble() < 0.3) {
        sb.append("# generated").append(eol);
      }
      int lines = 1 + r.nextInt(7);
      for (int l = 0; l < lines; l++) {
        double k = r.nextDouble();
        if (k < 0.35) {
          sb.append("nameserver").append(sep).append(ip().next(r));
        } else if (k < 0.6) {
          double s = r.nextDouble();
          int n = s < 0.1 ? 0 : s < 0.8 ? 1 + r.nextInt(5) : 20 + r.nextInt(20);
          sb.append("search");
          if (s >= 0.95) {
            // around the kubelet's 2048-character cut, before and after the cluster domains are added
            for (String d : searchLineOfLength(1950 + r.nextInt(110)).next(r)) {
              sb.append(sep).append(d);
            }
          } else {
            for (int i = 0; i < n; i++) {
              sb.append(sep).append(searchDomain().next(r));
            }
          }
        } else if (k < 0.85) {
          sb.append("options");
          int n = 1 + r.nextInt(3);
          for (int i = 0; i < n; i++) {
            Map<String, Object> o = option(r);
            String name = (String) o.get("name");
            if (name.isEmpty()) {
              name = "rotate";
            }
            sb.append(sep).append(name);
            if (o.containsKey("value")) {
              sb.append(':').append(o.get("value"));
            }
          }
        } else if (k < 0.9) {
          sb.append("domain ").append(nameWithDots(1).next(r));
        } else if (k < 0.95) {
          sb.append(r.nextBoolean() ? "  # comment" : "");
        } else {
          sb.append(r.nextDouble() < 0.3 ? "nameserver" : "sortlist 10.0.0.0/8");
        }
        sb.append(eol);
      }
      return sb.toString();
    };
  }

  /** The kubelet's {@code clusterDNS}: none, one, or several IPv4/IPv6 addresses. */
  public static Gen<List<String>> clusterDnsIps() {
    return r -> {
      double p = r.nextDouble();
      int n = p < 0.12 ? 0 : p < 0.8 ? 1 : 2 + r.nextInt(3);
      List<String> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(ip().next(r));
      }
      return out;
    };
  }

  /**
   * The kubelet's {@code clusterDomain}: usually {@code cluster.local}, sometimes another or empty,
   * rarely one that is not a DNS-1123 subdomain (upper case, trailing dot, underscore).
   */
  public static Gen<String> clusterDomain() {
    return r -> r.nextDouble() < 0.05 ? Gen.oneOf("Cluster.Local", "cluster.local.", "my_cluster.local").next(r)
        : Gen.oneOf("cluster.local", "cluster.local", "example.org", "k8s.internal", "c", "").next(r);
  }
}
