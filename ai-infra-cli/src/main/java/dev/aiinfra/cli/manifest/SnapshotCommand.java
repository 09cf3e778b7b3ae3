package dev.aiinfra.cli.manifest;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.KubeconfigOptions;
import dev.aiinfra.cli.ManifestOutputOptions;
import dev.aiinfra.core.cluster.SnapshotReader;
import dev.aiinfra.core.render.ManifestBundle;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ai-infra snapshot}: Nodes, Pods, ResourceSlices, DeviceClasses, ResourceClaims as YAML for the offline commands. */
@Command(name = "snapshot", description = "Write the cluster state the offline commands need (Nodes, Pods, DRA objects).")
public final class SnapshotCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;

  @Mixin KubeconfigOptions kubeconfig;
  @Mixin ManifestOutputOptions output;


  @Override
  public Integer call() {
    ManifestBundle bundle;
    try (KubernetesClient client = KubernetesClients.connect(kubeconfig.file())) {
      bundle = SnapshotReader.read(client).toBundle();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(bundle.write(output.format()));
    out.flush();
    return ExitCodes.OK;
  }
}
