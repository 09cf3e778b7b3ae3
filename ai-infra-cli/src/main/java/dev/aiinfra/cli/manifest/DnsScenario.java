package dev.aiinfra.cli.manifest;

import dev.aiinfra.core.model.dns.DnsAnnotations;
import dev.aiinfra.core.model.dns.DnsLookup;
import dev.aiinfra.core.model.dns.KubeletDnsSettings;
import dev.aiinfra.core.model.dns.ResolverFlavor;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.render.dns.DnsTuning;
import dev.aiinfra.core.render.dns.TunedBundle;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** The DNS example: an inference gateway, a musl-based batch job and a JobSet, tuned for their lookups. */
final class DnsScenario {
  static final KubeletDnsSettings KUBELET = KubeletDnsSettings.builder().addClusterDns(KubeletDnsSettings.KUBEADM_CLUSTER_DNS).build();
  static final List<DnsLookup> LOOKUPS =
      List.of(DnsLookup.external("api.openai.com"), DnsLookup.external("huggingface.co"), DnsLookup.inCluster("redis.cache"));

  private DnsScenario() {}

  static ManifestBundle original() {
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

  static TunedBundle tuned() {
    return DnsTuning.tune(original(), KUBELET, LOOKUPS, ResolverFlavor.GLIBC, OptionalInt.empty());
  }
}
