package dev.aiinfra.cli.manifest;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.OutputFormat;
import dev.aiinfra.core.cluster.SnapshotReader;
import dev.aiinfra.core.render.ManifestBundle;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ai-infra snapshot}: Nodes, Pods, ResourceSlices, DeviceClasses, ResourceClaims as YAML for the offline commands. */
@Command(name = "snapshot", mixinStandardHelpOptions = true, description = "Write the cluster state the offline commands need (Nodes, Pods, DRA objects).")
public final class SnapshotCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig to use (default: KUBECONFIG, ~/.kube/config or in-cluster; exit 2 naming each place when none is found).")
  Path kubeconfig;

  @Option(names = {"-o", "--output"}, defaultValue = "yaml", description = "yaml (default) or json.")
  OutputFormat output;


  @Override
  public Integer call() {
    ManifestBundle bundle;
    try (KubernetesClient client = KubernetesClients.connect(kubeconfig)) {
      bundle = SnapshotReader.read(client).toBundle();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(output == OutputFormat.json ? bundle.toJson() : bundle.toYaml());
    out.flush();
    return ExitCodes.OK;
  }
}
