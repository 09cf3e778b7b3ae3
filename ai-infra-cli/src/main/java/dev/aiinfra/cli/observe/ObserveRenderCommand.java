package dev.aiinfra.cli.observe;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.InputOptions;
import dev.aiinfra.cli.OutputFormat;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.cli.output.TextTable;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.core.render.ManifestWriter;
import dev.aiinfra.observability.model.ObservedWorkloads;
import dev.aiinfra.observability.policy.PlanEntry;
import dev.aiinfra.observability.read.ObservedWorkloadReader;
import dev.aiinfra.observability.render.ObservationRenderer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ai-infra observe render}: the monitors, rules and scalers of every workload in the input.
 * {@code -o text} (default) is a table of what was generated and why; {@code -o yaml} the objects,
 * ready for {@code kubectl apply -f -}; {@code -o json} the command's JSON contract. Exit 0 with the
 * objects, 2 for invalid input or flags.
 */
@Command(name = "render",
    description = "Render PodMonitors, GPU/gang/restart rules, serving SLO rules and autoscalers for the workloads in the input.")
public final class ObserveRenderCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;
  @Mixin InputOptions input;
  @Mixin ObservationFlags flags;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "text (a table of what was generated and why), yaml (the objects, for kubectl apply) or json (the command's JSON contract). Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  @Override
  public Integer call() {
    ObservedWorkloads observed = read(input.read());
    if (observed.workloads().isEmpty()) {
      throw new ManifestReadException(List.of(InputError.ofFile(String.join(", ", input.files()),
          "no workloads to observe: give JobSets, LeaderWorkerSets, StatefulSets, Indexed Jobs, DisaggregatedSets, Sandboxes or Deployments")));
    }
    ObservationRenderer.Rendered r;
    try {
      r = ObservationRenderer.render(observed, flags.options());
    } catch (InvalidSpecException e) {
      // A value read from the input (a label, a name) that the rules cannot carry: the input is at fault.
      throw new ManifestReadException(List.of(InputError.ofFile(String.join(", ", input.files()),
          "cannot observe these workloads: " + e.violations().stream().map(Object::toString).collect(java.util.stream.Collectors.joining("; ")))));
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case yaml -> out.print(ManifestWriter.yaml(r.objects()));
      case json -> JsonOut.print(out, ObserveRenderJson.of(r));
      default -> text(out, r);
    }
    out.flush();
    if (format != OutputFormat.json) {
      printNotes(spec.commandLine().getErr(), r.diagnostics());
    }
    return ExitCodes.OK;
  }

  /**
   * The workloads, read together (a Service or PodGroup elsewhere in the input says how to monitor
   * one); a workload the monitors cannot select is refused naming its file and document.
   */
  static ObservedWorkloads read(List<SourcedObject> objects) {
    try {
      return ObservedWorkloadReader.read(objects.stream().map(SourcedObject::object).toList());
    } catch (InvalidSpecException all) {
      for (SourcedObject o : objects) {
        try {
          ObservedWorkloadReader.read(List.of(o.object()));
        } catch (InvalidSpecException e) {
          throw new ManifestReadException(e.violations().stream()
              .map(v -> o.error(v.field().equals("podSelector") ? "spec.selector.matchLabels" : v.field(), v.detail())).toList());
        }
      }
      throw all;
    }
  }

  static void text(PrintWriter out, ObservationRenderer.Rendered r) {
    TextTable table = new TextTable("KIND", "NAME", "WORKLOAD", "WHY");
    for (PlanEntry e : r.entries()) {
      table.row(e.kind(), e.name(), e.workload().isEmpty() ? "-" : e.workload(), e.why());
    }
    table.print(out);
  }

  static void printNotes(PrintWriter err, List<Diagnostic> diagnostics) {
    for (Diagnostic d : diagnostics) {
      err.println("note: " + d.code() + ": " + (d.path().isEmpty() ? "" : d.path() + ": ") + d.message() + d.hint().map(h -> " (" + h + ")").orElse(""));
    }
    err.flush();
  }
}
