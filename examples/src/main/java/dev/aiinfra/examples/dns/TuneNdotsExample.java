package dev.aiinfra.examples.dns;

import dev.aiinfra.core.model.dns.DnsLookup;
import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.model.dns.ResolverFlavor;
import dev.aiinfra.core.policy.dns.LookupCost;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.render.dns.DnsTuning;
import dev.aiinfra.core.render.dns.TemplateAdvice;
import dev.aiinfra.core.render.dns.TunedBundle;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.io.PrintStream;
import java.util.List;
import java.util.OptionalInt;

/**
 * An inference gateway calls two external APIs and one in-cluster cache. With Kubernetes' default
 * {@code ndots:5} every external lookup first walks the three cluster search domains. This program
 * finds the cheapest safe ndots, prints the queries per lookup before and after, and the tuned YAML.
 *
 * <p>Run: {@code java -cp examples/target/classes:... dev.aiinfra.examples.dns.TuneNdotsExample}
 */
public final class TuneNdotsExample {
  private TuneNdotsExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  static TunedBundle run(PrintStream out) {
    ManifestBundle bundle = ManifestBundle.of(
        new DeploymentBuilder()
            .withNewMetadata().withName("gateway").withNamespace("serving").endMetadata()
            .withNewSpec().withReplicas(3)
            .withNewSelector().addToMatchLabels("app", "gateway").endSelector()
            .withNewTemplate().withNewMetadata().addToLabels("app", "gateway").endMetadata()
            .withNewSpec().addNewContainer().withName("gateway").withImage("ghcr.io/example/gateway:1.4").endContainer().endSpec()
            .endTemplate().endSpec().build());
    KubeletDnsSettings kubelet = KubeletDnsSettings.builder().addClusterDns("10.96.0.10").clusterDomain("cluster.local").build();
    List<DnsLookup> lookups = List.of(
        DnsLookup.external("api.openai.com"),
        DnsLookup.external("generativelanguage.googleapis.com"),
        DnsLookup.inCluster("redis.cache"));

    TunedBundle tuned = DnsTuning.tune(bundle, kubelet, lookups, ResolverFlavor.GLIBC, OptionalInt.empty());

    for (TemplateAdvice t : tuned.templates()) {
      out.printf("%s %s: ndots %d -> %d%n", t.object(), t.path(), t.advice().ndotsBefore(), t.advice().ndotsAfter());
      for (LookupCost c : t.advice().lookups()) {
        out.printf("  %-36s %d -> %d queries (%s)%n", c.lookup().name(), c.before().queries().size(), c.after().queries().size(), c.target());
      }
    }
    out.printf("queries per round of lookups: %d -> %d%n%n", tuned.queriesBefore(), tuned.queriesAfter());
    out.print(tuned.bundle().toYaml());
    return tuned;
  }
}
