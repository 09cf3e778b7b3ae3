package dev.aiinfra.cli.manifest;

import dev.aiinfra.cli.UsageException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Connects to the cluster named by {@code --kubeconfig}, else the usual fabric8 auto-configuration. */
final class KubernetesClients {
  private KubernetesClients() {}

  static KubernetesClient connect(Path kubeconfig) {
    Config config;
    if (kubeconfig != null) {
      try {
        config = Config.fromKubeconfig(Files.readString(kubeconfig));
      } catch (IOException e) {
        throw new UsageException("--kubeconfig " + kubeconfig + ": cannot read: " + e.getMessage());
      }
    } else {
      config = Config.autoConfigure(null);
    }
    // ai-infra retries itself (bounded, reported per object); the client must not retry underneath.
    Config noRetry = new ConfigBuilder(config).withRequestRetryBackoffLimit(0).build();
    return new KubernetesClientBuilder().withConfig(noRetry).build();
  }
}
