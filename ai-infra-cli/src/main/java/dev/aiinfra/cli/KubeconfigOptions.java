package dev.aiinfra.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The kubeconfig mixin of the commands that talk to a cluster ({@code apply}, {@code snapshot}). */
public final class KubeconfigOptions {
  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "Kubeconfig to use. Default: $KUBECONFIG, ~/.kube/config or the in-cluster service account;"
          + " exit 2 naming each place when none is found.")
  Path kubeconfig;

  /** The file given with {@code --kubeconfig}; empty to look in the usual places. */
  public Optional<Path> file() {
    return Optional.ofNullable(kubeconfig);
  }
}
