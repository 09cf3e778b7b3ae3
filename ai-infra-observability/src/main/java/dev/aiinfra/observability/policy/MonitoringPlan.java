package dev.aiinfra.observability.policy;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.observability.model.MonitoringOptions;
import dev.aiinfra.observability.model.monitor.MonitorSpec;
import dev.aiinfra.observability.model.rules.RuleSet;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import java.util.List;

/**
 * The monitors and rules for a set of workloads, and a "what and why" list: the facade the CLI
 * ({@code ai-infra observe render}) calls. Pod-index-aware PodMonitors/ServiceMonitors for every
 * workload, and per the options' {@link dev.aiinfra.observability.model.Signal}s the GPU
 * (dcgm-exporter), gang and restart rule sets. Deterministic: the same input gives the same plan,
 * in the same order. Render it with {@code render.MonitoringPlanRenderer}.
 *
 * @param monitors PodMonitors and ServiceMonitors, in workload order, then the dcgm-exporter one
 * @param ruleSets PrometheusRules, one per signal family
 * @param entries what was generated and why, one line per object
 * @param diagnostics notes and warnings (ObservabilityCode)
 */
public record MonitoringPlan(List<MonitorSpec> monitors, List<RuleSet> ruleSets, List<PlanEntry> entries, List<Diagnostic> diagnostics) {
  public MonitoringPlan {
    monitors = List.copyOf(monitors);
    ruleSets = List.copyOf(ruleSets);
    entries = List.copyOf(entries);
    diagnostics = List.copyOf(diagnostics);
  }

  /** The plan for {@code workloads} under {@code options}. */
  public static MonitoringPlan of(List<MonitoredWorkload> workloads, MonitoringOptions options) {
    return MonitoringPlanner.plan(workloads, options);
  }
}
