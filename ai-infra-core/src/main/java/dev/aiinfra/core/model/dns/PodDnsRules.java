package dev.aiinfra.core.model.dns;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Optional;

/**
 * The API server's {@code validatePodDNSConfig} (core validation, limits since
 * ExpandedDNSConfig; search-domain syntax relaxed by RelaxedDNSSearchValidation, GA in 1.34;
 * nameservers checked strictly — no leading 0s, no IPv4-mapped IPv6 — as StrictIPCIDRValidation does
 * by default since 1.36). Paths
 * are relative to the pod spec: {@code dnsConfig.nameservers[0]}.
 */
public final class PodDnsRules {
  public static final int MAX_NAMESERVERS = 3;
  public static final int MAX_SEARCH_PATHS = 32;
  public static final int MAX_SEARCH_LIST_CHARS = 2048;

  private PodDnsRules() {}

  /** Every rule {@code pod} breaks; empty when valid. */
  public static List<FieldViolation> validate(PodDns pod) {
    return validate(pod.dnsPolicy(), pod.dnsConfig());
  }

  public static List<FieldViolation> validate(DnsPolicy policy, Optional<PodDnsConfig> config) {
    Violations v = new Violations();
    FieldPath path = FieldPath.of("dnsConfig");
    if (policy == DnsPolicy.None) {
      if (config.isEmpty()) {
        v.required(path, "must provide `dnsConfig` when `dnsPolicy` is None");
        return v.list();
      }
      if (config.get().nameservers().isEmpty()) {
        v.required(
            path.child("nameservers"),
            "must provide at least one DNS nameserver when `dnsPolicy` is None");
        return v.list();
      }
    }
    if (config.isEmpty()) {
      return v.list();
    }
    PodDnsConfig c = config.get();
    if (c.nameservers().size() > MAX_NAMESERVERS) {
      v.invalid(
          path.child("nameservers"),
          c.nameservers(),
          "must not have more than " + MAX_NAMESERVERS + " nameservers");
    }
    for (int i = 0; i < c.nameservers().size(); i++) {
      String ns = c.nameservers().get(i);
      v.checkName(path.child("nameservers").index(i), ns, NameRules.strictLegacyIpAddress(ns));
    }
    if (c.searches().size() > MAX_SEARCH_PATHS) {
      v.invalid(
          path.child("searches"),
          c.searches(),
          "must not have more than " + MAX_SEARCH_PATHS + " search paths");
    }
    if (String.join(" ", c.searches()).length() > MAX_SEARCH_LIST_CHARS) {
      v.invalid(
          path.child("searches"),
          c.searches(),
          "must not have more than "
              + MAX_SEARCH_LIST_CHARS
              + " characters (including spaces) in the search list");
    }
    for (int i = 0; i < c.searches().size(); i++) {
      String s = c.searches().get(i);
      v.checkName(path.child("searches").index(i), s, NameRules.relaxedSearchDomain(s));
    }
    for (int i = 0; i < c.options().size(); i++) {
      if (c.options().get(i).name().isEmpty()) {
        // The API server reports an unnamed option at the option itself, not at its name.
        v.required(path.child("options").index(i), "must not be empty");
      }
    }
    return v.list();
  }
}
