package dev.aiinfra.cli.manifest;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.dns.DnsAnswer;
import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.model.dns.ResolvConf;
import dev.aiinfra.core.model.dns.ResolverFlavor;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.policy.dns.KubeletResolvConf;
import dev.aiinfra.core.policy.dns.Resolution;
import dev.aiinfra.core.policy.dns.StubResolver;
import dev.aiinfra.core.render.dns.TemplateAdvice;
import dev.aiinfra.core.render.dns.TunedBundle;
import dev.aiinfra.examples.Example;
import dev.aiinfra.examples.catalog.Examples;
import dev.aiinfra.examples.dns.TuneNdotsExample;
import dev.aiinfra.examples.validation.ValidationExample;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ai-infra demo}: a short guided tour, each step a library call: DNS and validation step by
 * step, then every other area through its example program ({@code dev.aiinfra.examples.catalog}).
 */
@Command(name = "demo", description = "A guided tour of what ai-infra checks offline.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ClusterProfile profile = ClusterProfile.defaults();
    out.println("ai-infra demo — everything below is computed offline, no cluster needed.");
    out.println();
    out.println("1. Target cluster profile: Kubernetes " + profile.kubernetesVersion() + " with release-default feature gates, e.g.");
    new TextTable("GATE", "ENABLED")
        .row("GenericWorkload", profile.effectiveFeatureGates().get("GenericWorkload"))
        .row("DRAConsumableCapacity", profile.effectiveFeatureGates().get("DRAConsumableCapacity"))
        .row("ContainerRestartRules", profile.effectiveFeatureGates().get("ContainerRestartRules"))
        .print(out);
    out.println();

    PodDns pod = PodDns.builder().namespace("ml").build();
    ResolvConf conf = KubeletResolvConf.build(pod, TuneNdotsExample.KUBELET).resolvConf();
    out.println("2. The resolv.conf the kubelet (clusterDNS " + String.join(",", TuneNdotsExample.KUBELET.clusterDns())
        + ") writes for a ClusterFirst pod in namespace ml:");
    conf.text().lines().forEach(l -> out.println("   " + l));
    out.println();

    out.println("3. Looking up api.openai.com from that pod (ndots:5 sends it through the search list first):");
    for (ResolverFlavor flavor : ResolverFlavor.values()) {
      Resolution r = StubResolver.resolve("api.openai.com", conf, flavor,
          q -> q.equals("api.openai.com.") ? DnsAnswer.FOUND : DnsAnswer.NXDOMAIN);
      out.println("   " + flavor.name().toLowerCase(java.util.Locale.ROOT) + ": " + r.queries().size() + " queries " + r.queries());
    }
    Resolution musl = StubResolver.resolve("redis.cache.svc", conf.withOptions(dev.aiinfra.core.model.dns.DnsOption.of("ndots", "2")), ResolverFlavor.MUSL,
        q -> q.equals("redis.cache.svc.cluster.local.") ? DnsAnswer.FOUND : DnsAnswer.NXDOMAIN);
    out.println("   musl with ndots:2 never searches redis.cache.svc: " + musl.queries() + " -> " + musl.result().wire());
    out.println();

    TunedBundle tuned = TuneNdotsExample.tuned();
    out.println("4. Tuning ndots on every pod template of a bundle (lookups: api.openai.com, huggingface.co, redis.cache):");
    TextTable t = new TextTable("   OBJECT", "POD TEMPLATE", "NDOTS", "QUERIES");
    for (TemplateAdvice a : tuned.templates()) {
      t.row("   " + a.object(), a.path(), a.advice().ndotsBefore() + " -> " + a.advice().ndotsAfter(),
          a.advice().queriesBefore() + " -> " + a.advice().queriesAfter());
    }
    t.print(out);
    out.println("   total: " + tuned.queriesBefore() + " -> " + tuned.queriesAfter() + " queries per round of lookups");
    out.println();

    out.println("5. Validating a broken pod with the API server's rules, every violation at once:");
    for (String violation : ValidationExample.findings()) {
      out.println("   " + violation);
    }
    out.println();

    out.println("6. The tuned Deployment as it would be applied (ai-infra render dns-ndots prints the whole bundle):");
    String yaml = tuned.bundle().toYaml();
    int start = yaml.indexOf("kind: Deployment");
    String deployment = yaml.substring(yaml.lastIndexOf("---", start) < 0 ? 0 : yaml.lastIndexOf("---", start) + 4);
    int end = deployment.indexOf("---");
    (end < 0 ? deployment : deployment.substring(0, end)).lines().forEach(l -> out.println("   " + l));
    out.println();

    // every other area, from its example program: what the library computed, and where to see the YAML
    int step = 7;
    for (Example.Area area : Example.Area.values()) {
      if (area == Example.Area.DNS || area == Example.Area.VALIDATION) {
        continue;
      }
      Example e = Examples.first(area);
      out.println(step++ + ". " + capitalized(area.label()) + ": " + e.description() + " (ai-infra render " + e.name() + "):");
      e.findings().forEach(f -> out.println("   " + f));
      out.println();
    }
    // the Next line names --cluster-dns: without it dns tune uses kubeadm's address and says so, which may not be the reader's
    out.println("Next: ai-infra --help, ai-infra render --list, ai-infra dns tune -f your-manifests/ --cluster-dns "
        + KubeletDnsSettings.KUBEADM_CLUSTER_DNS + " --lookup api.example.com");
    out.println("      (--cluster-dns: your cluster's DNS Service IP, from kubectl -n kube-system get service kube-dns)");
    out.flush();
    return ExitCodes.OK;
  }

  private static String capitalized(String label) {
    return Character.toUpperCase(label.charAt(0)) + label.substring(1);
  }
}
