package dev.aiinfra.cli.manifest;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.KubeconfigOptions;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.cluster.ApplyOptions;
import dev.aiinfra.core.cluster.ApplyOutcome;
import dev.aiinfra.core.cluster.ApplyReport;
import dev.aiinfra.core.cluster.DryRun;
import dev.aiinfra.core.cluster.ServerSideApply;
import dev.aiinfra.core.read.DuplicateObjects;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.read.ReadLimits;
import dev.aiinfra.core.read.SourcedObject;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ai-infra apply}: server-side apply in bundle order; exit 3 when an object failed. */
@Command(name = "apply", description = "Server-side apply manifests in dependency order.")
public final class ApplyCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;
  @Mixin InputOptions input;

  @Option(names = "--dry-run", defaultValue = "none", paramLabel = "none|server|client", description = "none: applied; server: validated by the API server, not persisted; client: nothing sent but reads. Default: ${DEFAULT-VALUE}.")
  String dryRun;

  @Option(names = "--field-manager", defaultValue = "ai-infra", description = "Field manager for server-side apply. Default: ${DEFAULT-VALUE}.")
  String fieldManager;

  @Option(names = "--force-conflicts", description = "Take over fields owned by other field managers. Default: off (a conflict fails the object).")
  boolean force;

  @Mixin KubeconfigOptions kubeconfig;

  @Mixin OutputOptions output;


  @Override
  public Integer call() {
    DryRun mode;
    switch (dryRun) {
      case "none": mode = DryRun.NONE; break;
      case "server": mode = DryRun.SERVER; break;
      case "client": mode = DryRun.CLIENT; break;
      default:
        throw new dev.aiinfra.cli.UsageException("--dry-run: unsupported value \"" + dryRun + "\": supported values: \"none\", \"server\", \"client\"");
    }
    List<SourcedObject> objects = input.read(ReadLimits.defaults().withAllowUnknownKinds(true));
    ManifestBundle bundle = DuplicateObjects.bundle(objects);
    ApplyOptions options = ApplyOptions.builder().dryRun(mode).fieldManager(fieldManager).forceConflicts(force).build();
    ApplyReport report;
    try (KubernetesClient client = KubernetesClients.connect(kubeconfig.file())) {
      report = ServerSideApply.using(client, options).apply(bundle);
    }
    print(spec.commandLine().getOut(), report);
    return report.succeeded() ? ExitCodes.OK : ExitCodes.ERROR;
  }

  private void print(PrintWriter out, ApplyReport report) {
    output.print(out, ApplyJson.of(report), o -> {
      TextTable table = new TextTable("KIND", "NAMESPACE", "NAME", "RESULT", "REASON");
      for (ApplyOutcome a : report.objects()) {
        table.row(a.kind(), a.namespace(), a.name(), a.result().wire(), a.reason().orElse(""));
      }
      table.print(o);
    });
  }
}
