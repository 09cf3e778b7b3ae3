package dev.aiinfra.observability.render;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.observability.model.ObservationOptions;
import dev.aiinfra.observability.model.ObservedWorkloads;
import dev.aiinfra.observability.model.Signal;
import dev.aiinfra.observability.model.rules.RuleSet;
import dev.aiinfra.observability.policy.MonitoringPlan;
import dev.aiinfra.observability.policy.PlanEntry;
import dev.aiinfra.observability.policy.slo.ServingSloPlanner;
import dev.aiinfra.observability.render.autoscale.ServingScalers;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code ai-infra observe render} generates for a set of workloads, in one call: the
 * pod-index-aware monitors and the GPU, gang and restart rules of the {@link MonitoringPlan}; for
 * serving workloads the SLO rules of {@link ServingSloPlanner}; and with an autoscaler, the KEDA
 * ScaledObjects (or prometheus-adapter rules and HPAs) of {@link ServingScalers}. Objects come in
 * that order, each with a line saying what it is for and why.
 */
public final class ObservationRenderer {
  private ObservationRenderer() {}

  /** The objects, what was generated and why, and the notes. */
  public record Rendered(List<HasMetadata> objects, List<PlanEntry> entries, List<Diagnostic> diagnostics) {
    public Rendered {
      objects = List.copyOf(objects);
      entries = List.copyOf(entries);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  public static Rendered render(ObservedWorkloads in, ObservationOptions o) {
    List<HasMetadata> objects = new ArrayList<>();
    List<PlanEntry> entries = new ArrayList<>();
    List<Diagnostic> notes = new ArrayList<>();
    if (!in.workloads().isEmpty()) {
      MonitoringPlan plan = MonitoringPlan.of(in.workloads(), dev.aiinfra.observability.model.MonitoringOptions.builder().from(o.monitoring()).signals(o.signals()).build());
      objects.addAll(MonitoringPlanRenderer.render(plan));
      entries.addAll(plan.entries());
      notes.addAll(plan.diagnostics());
    }
    if (o.signals().contains(Signal.SERVING) && !in.serving().isEmpty()) {
      ServingSloPlanner.Plan slo = ServingSloPlanner.plan(in.serving(), o.sla(), o.objective(), o.engine(), o.monitoring().objectLabels());
      for (RuleSet r : slo.ruleSets()) {
        objects.add(PrometheusRuleRenderer.render(r));
      }
      entries.addAll(slo.entries());
      notes.addAll(slo.diagnostics());
    }
    if (o.signals().contains(Signal.AUTOSCALING) && !in.serving().isEmpty() && o.autoscaler().isPresent()) {
      ServingScalers.Rendered s = ServingScalers.render(in.serving(), o.autoscaler().get(), o.engine(), o.scaler(), o.prometheus(), o.adapterNamespace());
      objects.addAll(s.objects());
      entries.addAll(s.entries());
      notes.addAll(s.diagnostics());
    }
    return new Rendered(objects, entries, notes);
  }
}
