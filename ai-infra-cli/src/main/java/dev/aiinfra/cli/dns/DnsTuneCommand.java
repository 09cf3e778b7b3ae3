package dev.aiinfra.cli.dns;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputOptions;
import dev.aiinfra.cli.UsageException;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.dns.DnsLookup;
import dev.aiinfra.core.policy.dns.NdotsAdvice;
import dev.aiinfra.core.read.DnsTuneInputs;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.core.render.dns.DnsTuning;
import dev.aiinfra.core.render.dns.TemplateAdvice;
import dev.aiinfra.core.render.dns.TunedBundle;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ai-infra dns tune}: sets the cheapest safe {@code ndots} on every pod template of the
 * input and reports queries per lookup before and after. Lookups come from {@code --lookup},
 * {@code --in-cluster} and the objects' {@code dns.ai-infra.dev/*} annotations. Exit 1 when a
 * forced {@code --ndots} would break a lookup (the bundle is then not printed).
 */
@Command(
    name = "tune",
    description = "Apply the cheapest safe ndots to every pod template and report queries before and after;"
        + " -o yaml prints the tuned bundle, -o json the bundle and the report.")
public final class DnsTuneCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;
  @Mixin InputOptions input;
  @Mixin KubeletOptions kubelet;

  @Option(names = "--ndots", paramLabel = "N", description = "Apply this ndots instead of searching for the best one (1-15).")
  Integer ndots;

  @Option(names = "--lookup", paramLabel = "NAME", split = ",", description = "An external name the workloads resolve; repeatable.")
  List<String> lookups = new ArrayList<>();

  @Option(names = "--in-cluster", paramLabel = "NAME", split = ",", description = "An in-cluster Service name the workloads resolve (e.g. redis.cache); repeatable.")
  List<String> inCluster = new ArrayList<>();

  @Option(names = "--resolver", defaultValue = "glibc", paramLabel = "glibc|musl", description = "Default C library of the images; annotation dns.ai-infra.dev/resolver overrides per object. Default: ${DEFAULT-VALUE}.")
  String resolver;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    if (ndots != null && (ndots < 1 || ndots > 15)) {
      throw new UsageException("--ndots " + ndots + ": must be between 1 and 15");
    }
    List<SourcedObject> objects = input.read();
    List<DnsLookup> common = new ArrayList<>();
    lookups.forEach(n -> common.add(DnsLookup.external(n)));
    inCluster.forEach(n -> common.add(DnsLookup.inCluster(n)));
    TunedBundle tuned =
        DnsTuning.tune(DnsTuneInputs.bundle(objects), kubelet.settings(spec.commandLine().getErr()), common, DnsResolveCommand.flavor(resolver),
            ndots == null ? OptionalInt.empty() : OptionalInt.of(ndots));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    switch (output.format()) {
      case yaml:
        if (tuned.safe()) {
          out.print(tuned.bundle().toYaml());
          out.flush();
        }
        printDiagnostics(err, tuned);
        break;
      case json:
        JsonOut.print(out, DnsTuneJson.of(tuned));
        break;
      default:
        printText(out, tuned);
        printDiagnostics(err, tuned);
    }
    return tuned.safe() ? ExitCodes.OK : ExitCodes.NEGATIVE;
  }

  private static void printDiagnostics(PrintWriter err, TunedBundle tuned) {
    for (TemplateAdvice t : tuned.templates()) {
      for (Diagnostic d : t.advice().diagnostics()) {
        if (d.severity() != dev.aiinfra.core.model.Severity.INFO) {
          err.println((d.isError() ? "error: " : "warning: ") + t.object() + " " + t.path() + ": " + d.code() + ": " + d.message());
        }
      }
    }
    err.flush();
  }

  private static void printText(PrintWriter out, TunedBundle tuned) {
    TextTable table = new TextTable("OBJECT", "POD TEMPLATE", "NDOTS", "QUERIES BEFORE", "QUERIES AFTER");
    for (TemplateAdvice t : tuned.templates()) {
      NdotsAdvice a = t.advice();
      table.row(t.object(), t.path(), a.ndotsBefore() + " -> " + a.ndotsAfter(), a.queriesBefore(), a.queriesAfter());
    }
    table.print(out);
    out.println();
    out.println("total queries per round of lookups: " + tuned.queriesBefore() + " -> " + tuned.queriesAfter());
    out.flush();
  }
}
