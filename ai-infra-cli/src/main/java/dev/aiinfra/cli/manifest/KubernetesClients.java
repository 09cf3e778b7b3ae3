package dev.aiinfra.cli.manifest;

import dev.aiinfra.cli.UsageException;
import dev.aiinfra.core.cluster.KubeconfigLocator;
import dev.aiinfra.core.cluster.KubeconfigSearch;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Connects to the cluster named by {@code --kubeconfig}, else the usual fabric8 auto-configuration,
 * refusing (exit 2, like an unreadable {@code --kubeconfig}) when it would find no cluster at all.
 */
final class KubernetesClients {
  private KubernetesClients() {}

  static KubernetesClient connect(Optional<Path> file) {
    Config config;
    if (file.isPresent()) {
      Path kubeconfig = file.get();
      try {
        config = Config.fromKubeconfig(Files.readString(kubeconfig));
      } catch (NoSuchFileException e) {
        throw new UsageException("--kubeconfig " + kubeconfig + ": no such file");
      } catch (IOException e) {
        throw new UsageException("--kubeconfig " + kubeconfig + ": cannot read: " + e.getMessage());
      }
    } else {
      // without this check fabric8 falls back to https://kubernetes.default.svc: "Name or service not known"
      KubeconfigSearch search = KubeconfigLocator.system().locate();
      if (search.found().isEmpty()) {
        throw new UsageException(search.notFound() + "; give --kubeconfig FILE or set KUBECONFIG");
      }
      config = Config.autoConfigure(null);
    }
    // ai-infra retries itself (bounded, reported per object); the client must not retry underneath.
    Config noRetry = new ConfigBuilder(config).withRequestRetryBackoffLimit(0).build();
    return new KubernetesClientBuilder().withConfig(noRetry).build();
  }
}
