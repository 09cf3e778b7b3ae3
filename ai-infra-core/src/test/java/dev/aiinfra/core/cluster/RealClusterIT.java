package dev.aiinfra.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aiinfra.core.render.ClusterSnapshot;
import dev.aiinfra.core.render.ManifestBundle;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs against a real cluster only when {@code AI_INFRA_IT_KUBECONFIG} names a kubeconfig file;
 * otherwise it is skipped and says why. It creates and deletes one namespace.
 */
class RealClusterIT {
  private static final String ENV = "AI_INFRA_IT_KUBECONFIG";

  private static KubernetesClient connect() {
    String path = System.getenv(ENV);
    assumeTrue(path != null && !path.isBlank(), "skipped: set " + ENV + " to a kubeconfig of a disposable cluster to run");
    assumeTrue(Files.isReadable(Path.of(path)), "skipped: " + ENV + "=" + path + " is not a readable file");
    try {
      return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(Path.of(path)))).build();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void apply_twice_then_snapshot_against_a_real_cluster() {
    try (KubernetesClient client = connect()) {
      String ns = "ai-infra-it-" + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 8);
      ManifestBundle bundle =
          ManifestBundle.of(
              new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build(),
              new ConfigMapBuilder().withNewMetadata().withName("probe").withNamespace(ns).endMetadata().addToData("k", "v").build());
      try {
        ServerSideApply ssa = ServerSideApply.using(client, ApplyOptions.defaults());
        assertThat(ssa.apply(bundle).count(ApplyResult.APPLIED)).isEqualTo(2);
        assertThat(ssa.apply(bundle).count(ApplyResult.UNCHANGED)).isEqualTo(2);
        ClusterSnapshot snapshot = SnapshotReader.read(client);
        assertThat(snapshot.nodes()).isNotEmpty();
      } finally {
        client.namespaces().withName(ns).delete();
      }
    }
  }
}
