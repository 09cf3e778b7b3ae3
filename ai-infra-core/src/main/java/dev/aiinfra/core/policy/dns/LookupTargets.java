package dev.aiinfra.core.policy.dns;

import dev.aiinfra.core.model.dns.DnsAnswer;
import dev.aiinfra.core.model.dns.DnsLookup;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The absolute name each lookup is expected to resolve to, and an answer function in which exactly
 * those names exist. An external name exists as written; an in-cluster name follows Kubernetes
 * Service DNS: {@code svc} is {@code svc.<ns>.svc.<domain>}, {@code svc.ns} and {@code svc.ns.svc}
 * complete to {@code svc.ns.svc.<domain>}, a name already under the cluster domain is itself.
 */
public final class LookupTargets {
  private LookupTargets() {}

  public static String target(DnsLookup lookup, String namespace, String clusterDomain) {
    String n = lookup.name().toLowerCase(Locale.ROOT);
    if (n.endsWith(".")) {
      return n;
    }
    if (lookup.scope() == DnsLookup.Scope.EXTERNAL || clusterDomain.isEmpty()) {
      return n + ".";
    }
    if (n.equals(clusterDomain) || n.endsWith("." + clusterDomain)) {
      return n + ".";
    }
    if (n.endsWith(".svc")) {
      return n + "." + clusterDomain + ".";
    }
    int dots = StubResolver.countDots(n);
    if (dots == 0) {
      return n + "." + namespace + ".svc." + clusterDomain + ".";
    }
    return n + ".svc." + clusterDomain + ".";
  }

  /** Answers FOUND for the targets of {@code lookups} and NXDOMAIN for every other name. */
  public static Function<String, DnsAnswer> answers(
      List<DnsLookup> lookups, String namespace, String clusterDomain) {
    Set<String> existing = new HashSet<>();
    for (DnsLookup l : lookups) {
      existing.add(target(l, namespace, clusterDomain));
    }
    return q -> existing.contains(q) ? DnsAnswer.FOUND : DnsAnswer.NXDOMAIN;
  }
}
