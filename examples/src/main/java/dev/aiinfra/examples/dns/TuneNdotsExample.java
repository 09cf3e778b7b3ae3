package dev.aiinfra.examples.dns;

import dev.aiinfra.core.model.dns.DnsAnnotations;
import dev.aiinfra.core.model.dns.DnsLookup;
import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.model.dns.ResolverFlavor;
import dev.aiinfra.core.policy.dns.LookupCost;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.render.dns.DnsTuning;
import dev.aiinfra.core.render.dns.TemplateAdvice;
import dev.aiinfra.core.render.dns.TunedBundle;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * An inference gateway (glibc), a musl-based weight-sync CronJob and a fine-tuning JobSet call two
 * external names and one in-cluster cache. With Kubernetes' default {@code ndots:5} every external
 * lookup first walks the three cluster search domains. This program finds, per pod template, the
 * cheapest ndots that keeps every lookup resolving to the same name, prints the queries per lookup
 * before and after, and the tuned YAML ({@code ai-infra render dns-ndots}).
 *
 * <p>Run: {@code ./mvnw -pl examples exec:java -Dexec.mainClass=dev.aiinfra.examples.dns.TuneNdotsExample}
 */
public final class TuneNdotsExample {
  /** The kubelet's DNS settings: kubeadm's cluster DNS address. */
  public static final KubeletDnsSettings KUBELET = KubeletDnsSettings.builder().addClusterDns(KubeletDnsSettings.KUBEADM_CLUSTER_DNS).build();
  /** What the workloads look up. */
  public static final List<DnsLookup> LOOKUPS =
      List.of(DnsLookup.external("api.openai.com"), DnsLookup.external("huggingface.co"), DnsLookup.inCluster("redis.cache"));

  private TuneNdotsExample() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** The namespace, the gateway Deployment, the musl CronJob and the JobSet, as written before tuning. */
  public static ManifestBundle original() {
    return ManifestBundle.of(
        new NamespaceBuilder().withNewMetadata().withName("ml").endMetadata().build(),
        new DeploymentBuilder()
            .withNewMetadata().withName("gateway").withNamespace("ml").endMetadata()
            .withNewSpec().withReplicas(2)
            .withNewSelector().addToMatchLabels("app", "gateway").endSelector()
            .withNewTemplate().withNewMetadata().addToLabels("app", "gateway").endMetadata()
            .withNewSpec().addNewContainer().withName("gateway").withImage("ghcr.io/example/gateway:1.4").endContainer().endSpec()
            .endTemplate().endSpec().build(),
        new CronJobBuilder()
            .withNewMetadata().withName("sync-weights").withNamespace("ml")
            .addToAnnotations(DnsAnnotations.RESOLVER, "musl")
            .addToAnnotations(DnsAnnotations.IN_CLUSTER_NAMES, "minio.storage.svc")
            .endMetadata()
            .withNewSpec().withSchedule("0 * * * *")
            .withNewJobTemplate().withNewSpec().withNewTemplate()
            .withNewSpec().withRestartPolicy("OnFailure").addNewContainer().withName("sync").withImage("alpine:3.20").endContainer().endSpec()
            .endTemplate().endSpec().endJobTemplate().endSpec().build(),
        new GenericKubernetesResourceBuilder()
            .withApiVersion("jobset.x-k8s.io/v1alpha2").withKind("JobSet")
            .withNewMetadata().withName("finetune").withNamespace("ml").endMetadata()
            .withAdditionalProperties(Map.of("spec", Map.of("replicatedJobs", List.of(Map.of(
                "name", "workers", "replicas", 2,
                "template", Map.of("spec", Map.of("parallelism", 4, "completions", 4,
                    "template", Map.of("spec", Map.of("restartPolicy", "Never", "containers", List.of(
                        Map.of("name", "trainer", "image", "ghcr.io/example/trainer:2.1"))))))))))).build());
  }

  /** Every pod template with the cheapest safe ndots for {@link #LOOKUPS}. */
  public static TunedBundle tuned() {
    return DnsTuning.tune(original(), KUBELET, LOOKUPS, ResolverFlavor.GLIBC, OptionalInt.empty());
  }

  /** Per pod template: the ndots before and after, and the queries per round of lookups. */
  public static List<String> findings() {
    TunedBundle tuned = tuned();
    List<String> out = new ArrayList<>();
    for (TemplateAdvice t : tuned.templates()) {
      out.add(String.format("%s %s: ndots %d -> %d, queries %d -> %d", t.object(), t.path(), t.advice().ndotsBefore(), t.advice().ndotsAfter(),
          t.advice().queriesBefore(), t.advice().queriesAfter()));
    }
    out.add("queries per round of lookups: " + tuned.queriesBefore() + " -> " + tuned.queriesAfter());
    return out;
  }

  static TunedBundle run(PrintStream out) {
    TunedBundle tuned = tuned();
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
