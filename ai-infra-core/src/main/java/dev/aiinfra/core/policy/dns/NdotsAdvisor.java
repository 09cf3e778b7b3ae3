package dev.aiinfra.core.policy.dns;

import dev.aiinfra.core.model.CoreCode;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.core.model.dns.DnsAnswer;
import dev.aiinfra.core.model.dns.DnsLookup;
import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.model.dns.PodDnsConfig;
import dev.aiinfra.core.model.dns.ResolvConf;
import dev.aiinfra.core.model.dns.ResolverFlavor;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Recommends the {@code ndots} that makes a pod's lookups cheapest without changing what they
 * resolve to. Kubernetes' default {@code ndots:5} sends an external name such as {@code
 * api.openai.com} through every search domain before trying it as written; a lower ndots queries it
 * first. The advisor simulates the pod's stub resolver (glibc or musl) on the resolv.conf the
 * kubelet would write, for every ndots from the current value down to 1, keeps the values under
 * which every lookup still reaches the name it reached before (musl never searches once a name has
 * ndots dots, so in-cluster names such as {@code redis.cache.svc} bound it), and picks the one with
 * the fewest queries, preferring the higher ndots on a tie. The current value is always a
 * candidate, so the advice never costs more queries than the original.
 */
public final class NdotsAdvisor {
  private NdotsAdvisor() {}

  /** Advice for {@code pod}; {@code forced} applies that ndots instead of searching. */
  public static NdotsAdvice advise(
      PodDns pod,
      KubeletDnsSettings kubelet,
      List<DnsLookup> lookups,
      ResolverFlavor flavor,
      OptionalInt forced) {
    ResolvConfResult beforeResult = KubeletResolvConf.build(pod, kubelet);
    ResolvConf before = readByResolver(beforeResult.resolvConf(), flavor);
    Function<String, DnsAnswer> answers =
        LookupTargets.answers(lookups, pod.namespace(), kubelet.clusterDomain());
    List<Resolution> baseline = new ArrayList<>();
    for (DnsLookup l : lookups) {
      baseline.add(StubResolver.resolve(l.name(), before, flavor, answers));
    }
    int current = before.ndots();
    List<Diagnostic> diagnostics = new ArrayList<>(beforeResult.diagnostics());

    int chosen = current;
    List<Resolution> chosenRun = baseline;
    if (forced.isPresent()) {
      chosen = forced.getAsInt();
      chosenRun = run(withNdots(pod, chosen), kubelet, lookups, flavor, answers);
      diagnostics.addAll(breakages(lookups, baseline, chosenRun, chosen));
    } else if (lookups.isEmpty()) {
      diagnostics.add(
          Diagnostic.builder()
              .code(CoreCode.DNS_NO_LOOKUPS)
              .severity(Severity.INFO)
              .message("no lookups were given, so ndots stays at " + current)
              .hint("list the names the workload resolves (external and in-cluster)")
              .build());
    } else {
      int bestQueries = total(baseline);
      for (int n = current - 1; n >= 1; n--) {
        List<Resolution> trial = run(withNdots(pod, n), kubelet, lookups, flavor, answers);
        if (!breakages(lookups, baseline, trial, n).isEmpty()) {
          continue;
        }
        int q = total(trial);
        if (q < bestQueries) {
          bestQueries = q;
          chosen = n;
          chosenRun = trial;
        }
      }
    }
    PodDns tuned = chosen == current ? pod : withNdots(pod, chosen);
    ResolvConfResult afterResult = KubeletResolvConf.build(tuned, kubelet);
    List<LookupCost> costs = new ArrayList<>();
    for (int i = 0; i < lookups.size(); i++) {
      costs.add(
          LookupCost.builder()
              .lookup(lookups.get(i))
              .target(LookupTargets.target(lookups.get(i), pod.namespace(), kubelet.clusterDomain()))
              .before(baseline.get(i))
              .after(chosenRun.get(i))
              .build());
    }
    return NdotsAdvice.builder()
        .ndotsBefore(current)
        .ndotsAfter(chosen)
        .tuned(tuned)
        .resolvConfBefore(beforeResult.resolvConf())
        .resolvConfAfter(afterResult.resolvConf())
        .lookups(costs)
        .diagnostics(diagnostics)
        .build();
  }

  /** The pod with {@code ndots:n} in its dnsConfig (other settings kept). */
  public static PodDns withNdots(PodDns pod, int n) {
    PodDnsConfig config = pod.dnsConfig().orElse(PodDnsConfig.builder().build());
    return pod.withDnsConfig(config.withOptionValue("ndots", Integer.toString(n)));
  }

  private static List<Resolution> run(
      PodDns pod,
      KubeletDnsSettings kubelet,
      List<DnsLookup> lookups,
      ResolverFlavor flavor,
      Function<String, DnsAnswer> answers) {
    ResolvConf conf = readByResolver(KubeletResolvConf.build(pod, kubelet).resolvConf(), flavor);
    List<Resolution> out = new ArrayList<>(lookups.size());
    for (DnsLookup l : lookups) {
      out.add(StubResolver.resolve(l.name(), conf, flavor, answers));
    }
    return out;
  }

  /** The file as the container's resolver reads it (musl skips over-long lines). */
  private static ResolvConf readByResolver(ResolvConf written, ResolverFlavor flavor) {
    return ResolvConfParser.resolver(written.text(), flavor);
  }

  private static List<Diagnostic> breakages(
      List<DnsLookup> lookups, List<Resolution> before, List<Resolution> after, int ndots) {
    List<Diagnostic> broken = new ArrayList<>();
    for (int i = 0; i < lookups.size(); i++) {
      Resolution b = before.get(i);
      Resolution a = after.get(i);
      if (b.result() == DnsAnswer.FOUND && !a.answeredBy().equals(b.answeredBy())) {
        broken.add(
            Diagnostic.builder()
                .code(CoreCode.DNS_LOOKUP_BROKEN)
                .message(
                    "with ndots:" + ndots + " the lookup of " + lookups.get(i).name()
                        + " no longer reaches " + b.answeredBy().get() + " (now: "
                        + a.answeredBy().orElse(a.result().wire()) + ")")
                .hint("use a higher ndots, or write the name fully qualified with a trailing dot")
                .build());
      }
    }
    return broken;
  }

  private static int total(List<Resolution> runs) {
    return runs.stream().mapToInt(r -> r.queries().size()).sum();
  }
}
