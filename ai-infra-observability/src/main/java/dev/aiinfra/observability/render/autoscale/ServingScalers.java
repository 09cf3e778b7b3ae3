package dev.aiinfra.observability.render.autoscale;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.observability.model.autoscale.ScaleTarget;
import dev.aiinfra.observability.model.autoscale.ScalerKind;
import dev.aiinfra.observability.model.autoscale.ScalerTrigger;
import dev.aiinfra.observability.model.engine.ServingEngine;
import dev.aiinfra.observability.model.engine.ServingWorkload;
import dev.aiinfra.observability.policy.PlanEntry;
import dev.aiinfra.observability.policy.autoscale.ScalerTriggers;
import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The autoscalers of the serving workloads found in a manifest set: per workload (one role of a
 * deployment), a KEDA ScaledObject, or the prometheus-adapter rules and HPA, for the same {@link
 * AutoscalerSpec}; with one line of "what and why" per object and the notes on what KEDA or the HPA
 * cannot express. A workload without a scale subresource (a DisaggregatedSet) gets none.
 */
public final class ServingScalers {
  private ServingScalers() {}

  /** The scaler objects, what was generated and why, and the notes. */
  public record Rendered(List<HasMetadata> objects, List<PlanEntry> entries, List<Diagnostic> diagnostics) {
    public Rendered {
      objects = List.copyOf(objects);
      entries = List.copyOf(entries);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  public static Rendered render(List<ServingWorkload> serving, AutoscalerSpec spec, Optional<ServingEngine> engine, ScalerKind kind, String prometheus,
      String adapterNamespace) {
    List<HasMetadata> objects = new ArrayList<>();
    List<PlanEntry> entries = new ArrayList<>();
    List<Diagnostic> notes = new ArrayList<>();
    for (ServingWorkload w : serving) {
      ServingEngine e = engine.or(w::engine).orElse(ServingEngine.VLLM);
      ScaleTarget target = new ScaleTarget(w.apiVersion(), w.kind(), w.name(), w.namespace(), Optional.of(w.role()));
      String where = w.kind() + " " + w.namespace() + "/" + w.name();
      if (kind == ScalerKind.KEDA || !target.scalable()) {
        ScaledObjectRenderer.RenderedScaler r = ScaledObjectRenderer.render(spec, e, target, prometheus);
        r.diagnostics().forEach(d -> notes.add(Diagnostic.builder().from(d).path(where).build()));
        r.scaledObject().ifPresent(so -> {
          objects.add(so);
          entries.add(new PlanEntry("ScaledObject", w.namespace() + "/" + so.getMetadata().getName(), where, "KEDA scales the " + w.role() + " " + w.kind() + " on " + triggers(r.triggers())
              + "; HPA behaviour from the SLO autoscaler"));
        });
      } else {
        PrometheusAdapterRenderer.RenderedAdapter r = PrometheusAdapterRenderer.render(spec, e, target, adapterNamespace);
        r.diagnostics().forEach(d -> notes.add(Diagnostic.builder().from(d).path(where).build()));
        objects.add(r.rules());
        objects.add(r.hpa());
        entries.add(new PlanEntry("ConfigMap", adapterNamespace + "/" + r.rules().getMetadata().getName(), where, "prometheus-adapter rules serving the engine's metrics under the HPA's names"));
        entries.add(new PlanEntry("HorizontalPodAutoscaler", w.namespace() + "/" + r.hpa().getMetadata().getName(), where, "scales the " + w.role() + " " + w.kind()
            + " on " + triggers(ScalerTriggers.of(spec, e, target))));
      }
    }
    return new Rendered(objects, entries, notes);
  }

  private static String triggers(List<ScalerTrigger> triggers) {
    return triggers.stream().map(t -> t.name() + " " + ScalerTriggers.threshold(t.threshold())).collect(Collectors.joining(", "));
  }
}
