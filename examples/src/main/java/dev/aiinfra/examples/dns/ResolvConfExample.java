package dev.aiinfra.examples.dns;

import dev.aiinfra.core.model.dns.DnsAnswer;
import dev.aiinfra.core.model.dns.DnsLookup;
import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.model.dns.PodDns;
import dev.aiinfra.core.model.dns.ResolvConf;
import dev.aiinfra.core.model.dns.ResolverFlavor;
import dev.aiinfra.core.policy.dns.KubeletResolvConf;
import dev.aiinfra.core.policy.dns.Resolution;
import dev.aiinfra.core.policy.dns.StubResolver;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.render.dns.DnsTuning;
import dev.aiinfra.core.render.dns.TunedBundle;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.io.PrintStream;
import java.util.List;
import java.util.OptionalInt;

/** The README's short example: the resolv.conf the kubelet writes, the queries glibc sends, and ndots tuning. */
public final class ResolvConfExample {
  private ResolvConfExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  static TunedBundle run(PrintStream out) {
    // The resolv.conf the kubelet writes for a pod (dnsPolicy ClusterFirst): ndots:5, three search domains.
    PodDns pod = PodDns.builder().namespace("ml").build();
    KubeletDnsSettings kubelet = KubeletDnsSettings.builder().addClusterDns("10.96.0.10").build();
    ResolvConf conf = KubeletResolvConf.build(pod, kubelet).resolvConf();

    // What glibc sends for an external name: every search domain first, then the name itself.
    Resolution r = StubResolver.resolve("api.openai.com", conf, ResolverFlavor.GLIBC,
        q -> q.equals("api.openai.com.") ? DnsAnswer.FOUND : DnsAnswer.NXDOMAIN);
    out.println(r.queries()); // [api.openai.com.ml.svc.cluster.local., ..., api.openai.com.]

    // Set the cheapest ndots that keeps every lookup resolving to the same name, on every pod template.
    Deployment gateway = new DeploymentBuilder()
        .withNewMetadata().withName("gateway").withNamespace("ml").endMetadata()
        .withNewSpec().withNewSelector().addToMatchLabels("app", "gateway").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "gateway").endMetadata()
        .withNewSpec().addNewContainer().withName("gateway").withImage("ghcr.io/example/gateway:1.4").endContainer().endSpec()
        .endTemplate().endSpec().build();
    TunedBundle tuned = DnsTuning.tune(ManifestBundle.of(gateway), kubelet,
        List.of(DnsLookup.external("api.openai.com"), DnsLookup.inCluster("redis.cache")),
        ResolverFlavor.GLIBC, OptionalInt.empty());
    out.print(tuned.bundle().toYaml()); // byte-identical on every run, ndots set on the pod template
    return tuned;
  }
}
