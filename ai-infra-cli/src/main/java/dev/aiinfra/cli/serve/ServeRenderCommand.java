package dev.aiinfra.cli.serve;

import dev.aiinfra.cli.ExitCodes;
import dev.aiinfra.cli.HelpOption;
import dev.aiinfra.cli.ManifestOutputOptions;
import dev.aiinfra.cli.UsageException;
import dev.aiinfra.cli.pd.PlanOptions;
import dev.aiinfra.cli.observe.ObservationFlags;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.observability.model.ObservationOptions;
import dev.aiinfra.observability.read.ObservedWorkloadReader;
import dev.aiinfra.observability.render.ObservationRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import dev.aiinfra.serving.model.deploy.DeploymentStyle;
import dev.aiinfra.serving.model.deploy.GpuAttachment;
import dev.aiinfra.serving.model.deploy.ServingDeployment;
import dev.aiinfra.serving.policy.pd.PdPlan;
import dev.aiinfra.serving.policy.pd.PdPlanner;
import dev.aiinfra.serving.read.PlanReader;
import dev.aiinfra.serving.render.deploy.PlannedDeployment;
import dev.aiinfra.serving.render.deploy.ServingBundle;
import dev.aiinfra.serving.render.deploy.ServingRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ai-infra serve render}: the deployment bundle for a plan, read from {@code pd plan -o json}
 * output or planned from the same flags; with {@code --monitoring}, also its monitors, serving SLO
 * rules (the planned SLA unless {@code --slo-*} is given) and autoscalers. Exit 0 with the bundle, 1
 * when the plan meets no SLA, 2 for invalid input.
 */
@Command(name = "render",
    description = "Render the serving deployment of a prefill/decode plan (from --plan-from or the pd plan flags).")
public final class ServeRenderCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** Either a saved plan or the planning flags. */
  static final class Source {
    @Option(names = "--plan-from", paramLabel = "FILE", description = "JSON written by `ai-infra pd plan -o json`.")
    Path planFrom;

    @ArgGroup(exclusive = false, heading = "Planning flags (as for pd plan):%n")
    PlanOptions plan;
  }

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "Base name of the objects (DNS-1035 label).")
  String name;

  @Option(names = "--namespace", defaultValue = "default", paramLabel = "NS", description = "Namespace of the objects. Default: ${DEFAULT-VALUE}.")
  String namespace;

  @Option(names = "--style", defaultValue = "lws", paramLabel = "STYLE", description = "lws (dual LWS + InferencePool), disaggregatedset or llmaz. Default: ${DEFAULT-VALUE}.")
  String style;

  @Option(names = "--gpus-as", defaultValue = "extended-resource", paramLabel = "KIND", description = "extended-resource (nvidia.com/gpu) or dra. Default: ${DEFAULT-VALUE}.")
  String gpusAs;

  @Option(names = "--device-class", defaultValue = "gpu.nvidia.com", paramLabel = "NAME", description = "DeviceClass of the DRA claims. Default: ${DEFAULT-VALUE}.")
  String deviceClass;

  @Option(names = "--image", paramLabel = "IMAGE", description = "Engine image (default: the backend's public image).")
  String image;

  @Option(names = "--exclusive-topology", paramLabel = "KEY", description = "Node label key: one LWS group per topology domain.")
  String exclusiveTopology;

  @Option(names = "--monitoring",
      description = "Also render the deployment's monitors, serving SLO rules and autoscalers (as `observe render` would for these objects). Default: off.")
  boolean monitoring;

  @Mixin ObservationFlags observation;

  @Mixin ManifestOutputOptions output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DeploymentStyle s = DeploymentStyle.byId(style).orElseThrow(() -> new UsageException("unknown --style " + style + "; use lws, disaggregatedset or llmaz"));
    GpuAttachment g = switch (gpusAs.toLowerCase(Locale.ROOT)) {
      case "extended-resource" -> GpuAttachment.EXTENDED_RESOURCE;
      case "dra" -> GpuAttachment.DRA;
      default -> throw new UsageException("unknown --gpus-as " + gpusAs + "; use extended-resource or dra");
    };
    UnaryOperator<ServingDeployment.Builder> settings = b -> {
      b.name(name).namespace(namespace).style(s).gpuAttachment(g).deviceClassName(deviceClass);
      if (image != null) {
        b.image(image);
      }
      if (exclusiveTopology != null) {
        b.exclusiveTopology(exclusiveTopology);
      }
      return b;
    };
    ServingDeployment deployment;
    if (source.planFrom != null) {
      deployment = PlanReader.read(source.planFrom, settings);
    } else {
      PdPlan plan = PdPlanner.plan(source.plan.request());
      if (!plan.isFeasible()) {
        plan.explanations().forEach(d -> err.println(d.code() + ": " + d.message()));
        return ExitCodes.NEGATIVE;
      }
      deployment = settings.apply(PlannedDeployment.from(plan)).build();
    }
    ServingBundle bundle = ServingRenderer.render(deployment);
    List<Diagnostic> notes = new ArrayList<>(bundle.diagnostics());
    ManifestBundle manifests = bundle.manifests();
    if (monitoring) {
      ObservationOptions o = observation.options();
      if (source.plan != null && !spec.commandLine().getParseResult().hasMatchedOption("--slo-ttft")
          && !spec.commandLine().getParseResult().hasMatchedOption("--slo-tpot")) {
        // The SLA the deployment was planned for is the one its SLO rules watch.
        o = ObservationOptions.builder().from(o).sla(source.plan.request().sla()).build();
      }
      ObservationRenderer.Rendered r = ObservationRenderer.render(ObservedWorkloadReader.read(manifests.objects()), o);
      List<HasMetadata> all = new ArrayList<>(manifests.objects());
      all.addAll(r.objects());
      manifests = ManifestBundle.of(all);
      notes.addAll(r.diagnostics());
    }
    out.print(manifests.write(output.format()));
    out.flush();
    for (Diagnostic d : notes) {
      err.println("note: " + d.code() + ": " + (d.path().isEmpty() ? "" : d.path() + ": ") + d.message() + d.hint().map(h -> " (" + h + ")").orElse(""));
    }
    return ExitCodes.OK;
  }
}
