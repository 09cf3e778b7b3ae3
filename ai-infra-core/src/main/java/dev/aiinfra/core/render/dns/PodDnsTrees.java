package dev.aiinfra.core.render.dns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.dns.DnsOption;
import dev.aiinfra.core.model.dns.DnsPolicy;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.model.dns.PodDnsConfig;
import dev.aiinfra.core.model.dns.PodDnsRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Converts between a pod spec's JSON tree ({@code dnsPolicy}, {@code hostNetwork}, {@code dnsConfig}) and {@link PodDns}. */
public final class PodDnsTrees {
  private PodDnsTrees() {}

  /**
   * Reads the DNS settings of {@code podSpec}; {@code at} is the spec's path in its object (e.g.
   * {@code spec.template.spec}) and prefixes every violation.
   */
  public static PodDnsReading read(JsonNode podSpec, String namespace, FieldPath at) {
    Violations v = new Violations();
    DnsPolicy policy = DnsPolicy.ClusterFirst;
    JsonNode p = podSpec.get("dnsPolicy");
    if (p != null && !p.isNull()) {
      Optional<DnsPolicy> parsed = p.isTextual() ? DnsPolicy.fromApi(p.asText()) : Optional.empty();
      if (parsed.isEmpty()) {
        v.notSupported(at.child("dnsPolicy"), p.asText(), Arrays.asList(DnsPolicy.values()));
      } else {
        policy = parsed.get();
      }
    }
    boolean hostNetwork = podSpec.path("hostNetwork").asBoolean(false);
    Optional<PodDnsConfig> config = Optional.empty();
    JsonNode c = podSpec.get("dnsConfig");
    if (c != null && !c.isNull()) {
      config = Optional.of(readConfig(c, at.child("dnsConfig"), v));
    }
    if (!v.isEmpty()) {
      if (config.isPresent()) {
        // An unsupported dnsPolicy does not hide dnsConfig's own rules (the API server checks both).
        PodDnsRules.validate(DnsPolicy.ClusterFirst, config).forEach(x -> v.add(at.isRoot() ? x : x.under(at)));
      }
      return new PodDnsReading(Optional.empty(), v.list());
    }
    try {
      PodDns dns =
          PodDns.builder()
              .namespace(namespace.isEmpty() ? "default" : namespace)
              .dnsPolicy(policy)
              .hostNetwork(hostNetwork)
              .dnsConfig(config)
              .build();
      return new PodDnsReading(Optional.of(dns), List.of());
    } catch (InvalidSpecException e) {
      List<FieldViolation> prefixed = new ArrayList<>();
      e.violations().forEach(x -> prefixed.add(at.isRoot() ? x : x.under(at)));
      return new PodDnsReading(Optional.empty(), prefixed);
    }
  }

  private static PodDnsConfig readConfig(JsonNode c, FieldPath at, Violations v) {
    PodDnsConfig.Builder b = PodDnsConfig.builder();
    b.nameservers(strings(c.get("nameservers"), at.child("nameservers"), v));
    b.searches(strings(c.get("searches"), at.child("searches"), v));
    JsonNode options = c.get("options");
    if (options != null && !options.isNull()) {
      if (!options.isArray()) {
        v.invalid(at.child("options"), options, "must be a list");
      } else {
        for (int i = 0; i < options.size(); i++) {
          JsonNode o = options.get(i);
          String name = o.path("name").asText("");
          JsonNode value = o.get("value");
          b.addOption(value == null || value.isNull() ? DnsOption.of(name) : DnsOption.of(name, value.asText()));
        }
      }
    }
    return b.build();
  }

  private static List<String> strings(JsonNode node, FieldPath at, Violations v) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      v.invalid(at, node, "must be a list of strings");
      return out;
    }
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Sets {@code dnsConfig} on the pod spec node (or removes it when empty). */
  public static void writeConfig(ObjectNode podSpec, Optional<PodDnsConfig> config) {
    if (config.isEmpty()) {
      podSpec.remove("dnsConfig");
      return;
    }
    PodDnsConfig c = config.get();
    ObjectNode node = podSpec.putObject("dnsConfig");
    if (!c.nameservers().isEmpty()) {
      ArrayNode a = node.putArray("nameservers");
      c.nameservers().forEach(a::add);
    }
    if (!c.searches().isEmpty()) {
      ArrayNode a = node.putArray("searches");
      c.searches().forEach(a::add);
    }
    if (!c.options().isEmpty()) {
      ArrayNode a = node.putArray("options");
      for (DnsOption o : c.options()) {
        ObjectNode on = a.addObject().put("name", o.name());
        o.value().ifPresent(val -> on.put("value", val));
      }
    }
  }
}
