package dev.aiinfra.conformance.dns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.Case;
import dev.aiinfra.conformance.Divergence;
import dev.aiinfra.conformance.Outcome;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.core.policy.dns.DnsGenerators;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code dns config} against the kubelet's {@code dns.Configurer.GetPodDNS}: every dnsPolicy with
 * and without hostNetwork, dnsConfig up to and past the API limits, host resolv.conf variants,
 * cluster DNS lists (none, IPv4, IPv6, several) and cluster domains.
 */
public final class DnsConfigArea implements Area {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "DNS";
  }

  @Override
  public Case generate(long caseSeed, String id) {
    SplittableRandom r = new SplittableRandom(caseSeed);
    List<String> args = new ArrayList<>(List.of("dns", "config", "-o", "json", "-f", "pod.yaml"));
    Map<String, String> files = new LinkedHashMap<>();
    Map<String, Object> spec = DnsGenerators.podSpecTree().next(r);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", "p");
    if (r.nextDouble() < 0.8) {
      meta.put("namespace", DnsGenerators.label().next(r));
    }
    String kind = Gen.oneOf("Pod", "Pod", "Pod", "Deployment", "Job", "StatefulSet", "Sandbox").next(r);
    Map<String, Object> obj = new LinkedHashMap<>();
    switch (kind) {
      case "Pod" -> {
        obj.put("apiVersion", "v1");
        obj.put("kind", "Pod");
        obj.put("metadata", meta);
        obj.put("spec", spec);
      }
      case "Sandbox" -> {
        obj.put("apiVersion", "agents.x-k8s.io/v1alpha1");
        obj.put("kind", "Sandbox");
        obj.put("metadata", meta);
        obj.put("spec", Map.of("podTemplate", Map.of("spec", spec)));
      }
      default -> {
        obj.put("apiVersion", kind.equals("Job") ? "batch/v1" : "apps/v1");
        obj.put("kind", kind);
        obj.put("metadata", meta);
        Map<String, Object> s = new LinkedHashMap<>();
        if (!kind.equals("Job")) {
          s.put("selector", Map.of("matchLabels", Map.of("app", "w")));
        }
        s.put("template", Map.of("metadata", Map.of("labels", Map.of("app", "w")), "spec", spec));
        obj.put("spec", s);
      }
    }
    try {
      files.put("pod.yaml", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(obj));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    List<String> clusterDns = DnsGenerators.clusterDnsIps().next(r);
    if (clusterDns.isEmpty()) {
      // a kubelet without clusterDNS: ai-infra says so with "none" (no flag means kubeadm's 10.96.0.10);
      // the oracle, like the kubelet, skips the unparsable entry and has none either
      args.addAll(List.of("--cluster-dns", "none"));
    } else {
      if (r.nextBoolean()) {
        args.addAll(List.of("--cluster-dns", String.join(",", clusterDns)));
      } else {
        clusterDns.forEach(ip -> args.addAll(List.of("--cluster-dns", ip)));
      }
    }
    if (r.nextDouble() < 0.4) {
      args.addAll(List.of("--cluster-domain", DnsGenerators.clusterDomain().next(r)));
    }
    if (r.nextDouble() < 0.6) {
      files.put("resolv.conf", DnsGenerators.hostResolvConfText().next(r));
      args.addAll(List.of("--host-resolv-conf", "resolv.conf"));
    }
    return new Case(id, caseSeed, args, files);
  }

  @Override
  public JsonNode project(Case c, Outcome o) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("exit", o.exit());
    if (o.exit() == 0) {
      n.set("result", o.json());
    }
    return n;
  }

  @Override
  public List<Divergence> divergences() {
    return List.of(new Divergence("dns-options-order",
        "the kubelet emits merged resolv.conf options in Go map order (unspecified); ai-infra keeps first-seen order",
        "https://github.com/kubernetes/kubernetes/blob/v1.36.3/pkg/kubelet/network/dns/dns.go#L327",
        DnsConfigArea::optionsDifferOnlyInOrder),
        new Divergence("invalid-cluster-dns-rejected",
            "ai-infra rejects an unparsable --cluster-dns address (exit 2, nothing silently dropped); the kubelet only logs"
                + " \"Invalid clusterDNS IP\" and skips it",
            "https://github.com/kubernetes/kubernetes/blob/v1.36.3/pkg/kubelet/kubelet.go#L579-L587",
            DnsConfigArea::invalidClusterDnsRejected),
        new Divergence("invalid-cluster-domain-rejected",
            "ai-infra rejects a --cluster-domain that is not a DNS-1123 subdomain (exit 2); the kubelet does not validate"
                + " clusterDomain and writes it into the search list as given",
            "https://github.com/kubernetes/kubernetes/blob/v1.36.3/pkg/kubelet/network/dns/dns.go#L165-L176",
            DnsConfigArea::invalidClusterDomainRejected));
  }

  private static final java.util.regex.Pattern DNS1123_SUBDOMAIN =
      java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /**
   * The --cluster-domain is set, not empty and not a DNS-1123 subdomain; ours exits 2 naming only
   * clusterDomain (and possibly clusterDNS entries the oracle skipped); upstream answered.
   */
  static boolean invalidClusterDomainRejected(Case c, Outcome ours, Outcome upstream) {
    int at = c.args().lastIndexOf("--cluster-domain");
    if (at < 0 || ours.exit() != 2 || upstream.exit() == 2) {
      return false;
    }
    String domain = c.args().get(at + 1);
    if (domain.isEmpty() || (domain.length() <= 253 && DNS1123_SUBDOMAIN.matcher(domain).matches())) {
      return false;
    }
    boolean named = false;
    for (String line : ours.stderr().split("\n")) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      java.util.regex.Matcher dns = java.util.regex.Pattern.compile("clusterDNS\\[\\d+\\]: Invalid value: \"(.*)\": ").matcher(l);
      if (l.contains("clusterDomain: Invalid value: \"" + domain + "\"")) {
        named = true;
      } else if (!dns.find() || !upstream.stderr().contains("warning: invalid clusterDNS IP " + dns.group(1) + " skipped")) {
        return false; // anything else ours refused must be a cluster DNS entry the kubelet skipped
      }
    }
    return named;
  }

  /**
   * Ours refused only the cluster DNS addresses (every error line names clusterDNS), and the kubelet
   * skipped exactly those (the oracle reports each skipped entry).
   */
  static boolean invalidClusterDnsRejected(Case c, Outcome ours, Outcome upstream) {
    if (ours.exit() != 2 || upstream.exit() == 2) {
      return false;
    }
    List<String> rejected = new ArrayList<>();
    for (String line : ours.stderr().split("\n")) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("clusterDNS\\[\\d+\\]: Invalid value: \"(.*)\": ").matcher(line);
      if (m.find()) {
        rejected.add(m.group(1));
      } else if (!line.isBlank() && !line.startsWith("  ") && !line.startsWith("error: clusterDNS")) {
        return false;
      }
    }
    if (rejected.isEmpty()) {
      return false;
    }
    for (String ip : rejected) {
      if (!upstream.stderr().contains("warning: invalid clusterDNS IP " + ip + " skipped")) {
        return false;
      }
    }
    return true;
  }

  /** Both succeed, nameservers and searches are equal, and the options are the same multiset in another order. */
  static boolean optionsDifferOnlyInOrder(Case c, Outcome ours, Outcome upstream) {
    if (ours.exit() != 0 || upstream.exit() != 0) {
      return false;
    }
    JsonNode a = ours.json();
    JsonNode b = upstream.json();
    if (!a.path("nameservers").equals(b.path("nameservers")) || !a.path("searches").equals(b.path("searches"))) {
      return false;
    }
    JsonNode oa = a.path("options");
    JsonNode ob = b.path("options");
    if (!oa.isArray() || !ob.isArray() || oa.size() != ob.size() || oa.equals(ob)) {
      return false;
    }
    Map<JsonNode, Integer> count = new HashMap<>();
    oa.forEach(x -> count.merge(x, 1, Integer::sum));
    ob.forEach(x -> count.merge(x, -1, Integer::sum));
    return count.values().stream().allMatch(v -> v == 0);
  }
}
