package dev.aiinfra.core.policy.dns;

import dev.aiinfra.core.model.CoreCode;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.core.model.dns.DnsOption;
import dev.aiinfra.core.model.dns.DnsPolicy;
import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.model.dns.PodDnsConfig;
import dev.aiinfra.core.model.dns.PodDnsRules;
import dev.aiinfra.core.model.dns.ResolvConf;
import dev.aiinfra.core.model.validation.NameRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Builds the resolv.conf the kubelet gives a pod ({@code Configurer.GetPodDNS}): the base chosen by
 * {@code dnsPolicy} (cluster DNS with {@code ndots:5}, the node's file, or nothing for {@code
 * None}), {@code hostNetwork} fallback, the {@code dnsConfig} merge, and the 3 / 32 / 253 / 2048
 * limits with the {@code DNSConfigForming} event.
 *
 * <p>Divergence: the kubelet emits merged options in Go map order, which is unspecified. ai-infra
 * keeps first-seen order (base options, then new {@code dnsConfig} options) so output is stable.
 */
public final class KubeletResolvConf {
  private static final int MAX_SEARCH_ENTRY_LENGTH = 253;

  private KubeletResolvConf() {}

  public static ResolvConfResult build(PodDns pod, KubeletDnsSettings kubelet) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    ResolvConf host = kubelet.hostResolvConf().orElse(ResolvConf.empty());
    List<String> servers = new ArrayList<>(host.nameservers());
    List<String> searches = new ArrayList<>(host.searches());
    List<DnsOption> options = new ArrayList<>(host.options());

    boolean useHost;
    switch (pod.dnsPolicy()) {
      case None:
        servers.clear();
        searches.clear();
        options.clear();
        useHost = false;
        break;
      case ClusterFirstWithHostNet:
        useHost = false;
        break;
      case ClusterFirst:
        useHost = pod.hostNetwork();
        break;
      case Default:
      default:
        useHost = true;
        break;
    }
    if (pod.dnsPolicy() != DnsPolicy.None && !useHost) {
      if (!kubelet.clusterDns().isEmpty()) {
        servers = new ArrayList<>();
        for (String ip : kubelet.clusterDns()) {
          servers.add(NameRules.canonicalIp(ip)); // the kubelet parses clusterDNS and prints the addresses
        }
        searches = clusterSearches(searches, pod.namespace(), kubelet.clusterDomain());
        options = new ArrayList<>(List.of(DnsOption.of("ndots", "5")));
      } else {
        diagnostics.add(
            Diagnostic.builder()
                .code(CoreCode.MISSING_CLUSTER_DNS)
                .severity(Severity.WARNING)
                .message(
                    "kubelet does not have ClusterDNS IP configured and cannot create Pod using \""
                        + pod.dnsPolicy()
                        + "\" policy. Falling back to \"Default\" policy.")
                .hint("set clusterDNS in the KubeletConfiguration (--cluster-dns on the command line)")
                .build());
        useHost = true;
      }
    }
    if (useHost) {
      if (kubelet.resolvConfDisabled()) {
        if (servers.isEmpty()) {
          servers.add("127.0.0.1");
        }
        searches = new ArrayList<>(List.of("."));
      } else if (kubelet.hostResolvConf().isEmpty()) {
        diagnostics.add(
            Diagnostic.builder()
                .code(CoreCode.HOST_RESOLV_CONF_UNKNOWN)
                .severity(Severity.INFO)
                .message(
                    "the pod takes the node's resolv.conf (dnsPolicy "
                        + pod.dnsPolicy()
                        + (pod.hostNetwork() ? ", hostNetwork" : "")
                        + ") and none was given; assuming an empty file")
                .hint("pass the node's file with --host-resolv-conf")
                .build());
      }
    }
    if (pod.dnsConfig().isPresent()) {
      PodDnsConfig cfg = pod.dnsConfig().get();
      servers = dedupe(servers, cfg.nameservers());
      searches = dedupe(searches, cfg.searches());
      options = mergeOptions(options, cfg.options());
    }
    return ResolvConfResult.builder()
        .resolvConf(
            ResolvConf.builder()
                .nameservers(fitNameservers(servers, diagnostics))
                .searches(fitSearches(searches, diagnostics))
                .options(options)
                .build())
        .diagnostics(diagnostics)
        .build();
  }

  private static List<String> clusterSearches(List<String> hostSearch, String namespace, String domain) {
    if (domain.isEmpty()) {
      return hostSearch;
    }
    List<String> cluster = List.of(namespace + ".svc." + domain, "svc." + domain, domain);
    return dedupe(cluster, hostSearch);
  }

  private static List<String> dedupe(List<String> first, List<String> then) {
    LinkedHashSet<String> seen = new LinkedHashSet<>(first);
    seen.addAll(then);
    return new ArrayList<>(seen);
  }

  private static List<DnsOption> mergeOptions(List<DnsOption> base, List<DnsOption> overrides) {
    // The kubelet merges through a name -> value map and writes "name" for an empty value.
    Map<String, DnsOption> merged = new LinkedHashMap<>();
    for (DnsOption o : base) {
      merged.put(o.name(), withoutEmptyValue(o));
    }
    for (DnsOption o : overrides) {
      merged.put(o.name(), withoutEmptyValue(o));
    }
    return new ArrayList<>(merged.values());
  }

  private static DnsOption withoutEmptyValue(DnsOption o) {
    return o.value().filter(String::isEmpty).isPresent() ? DnsOption.of(o.name()) : o;
  }

  private static List<String> fitNameservers(List<String> servers, List<Diagnostic> diagnostics) {
    if (servers.size() <= PodDnsRules.MAX_NAMESERVERS) {
      return servers;
    }
    List<String> kept = servers.subList(0, PodDnsRules.MAX_NAMESERVERS);
    diagnostics.add(
        forming(
            "Nameserver limits were exceeded, some nameservers have been omitted, the applied"
                + " nameserver line is: "
                + String.join(" ", kept)));
    return new ArrayList<>(kept);
  }

  private static List<String> fitSearches(List<String> searches, List<Diagnostic> diagnostics) {
    boolean exceeded = false;
    List<String> kept = new ArrayList<>(searches);
    if (kept.size() > PodDnsRules.MAX_SEARCH_PATHS) {
      kept = new ArrayList<>(kept.subList(0, PodDnsRules.MAX_SEARCH_PATHS));
      exceeded = true;
    }
    // Some resolvers (glibc 2.28) abort on a search path over 255 characters; the kubelet drops them.
    if (kept.removeIf(s -> s.length() > MAX_SEARCH_ENTRY_LENGTH)) {
      exceeded = true;
    }
    int length = String.join(" ", kept).length();
    if (length > PodDnsRules.MAX_SEARCH_LIST_CHARS) {
      while (!kept.isEmpty() && length > PodDnsRules.MAX_SEARCH_LIST_CHARS) {
        length -= kept.remove(kept.size() - 1).length() + 1;
      }
      exceeded = true;
    }
    if (exceeded) {
      diagnostics.add(
          forming(
              "Search Line limits were exceeded, some search paths have been omitted, the applied"
                  + " search line is: "
                  + String.join(" ", kept)));
    }
    return kept;
  }

  private static Diagnostic forming(String message) {
    return Diagnostic.builder()
        .code(CoreCode.DNS_CONFIG_FORMING)
        .severity(Severity.WARNING)
        .message(message)
        .hint("shorten dnsConfig or the node's search line; the kubelet raises a DNSConfigForming event")
        .build();
  }
}
