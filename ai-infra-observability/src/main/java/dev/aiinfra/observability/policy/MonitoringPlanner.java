package dev.aiinfra.observability.policy;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.observability.model.MonitoringOptions;
import dev.aiinfra.observability.model.ObservabilityCode;
import dev.aiinfra.observability.model.monitor.MonitorKind;
import dev.aiinfra.observability.model.monitor.MonitorSpec;
import dev.aiinfra.observability.model.rules.RuleSet;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link MonitoringPlan}: one monitor per workload, then the rule sets of the options' signals. */
final class MonitoringPlanner {
  private MonitoringPlanner() {}

  static MonitoringPlan plan(List<MonitoredWorkload> workloads, MonitoringOptions options) {
    List<MonitorSpec> monitors = new ArrayList<>();
    List<RuleSet> rules = new ArrayList<>();
    List<PlanEntry> entries = new ArrayList<>();
    List<Diagnostic> notes = new ArrayList<>();
    for (MonitoredWorkload w : workloads) {
      MonitorSpec m = WorkloadMonitors.monitor(w, options);
      monitors.add(m);
      entries.add(new PlanEntry(m.kind().kind(), m.namespace() + "/" + m.name(), w.kind().kind() + " " + w.namespace() + "/" + w.name(),
          WorkloadMonitors.why(w)));
      notes.add(Diagnostic.builder()
          .code(m.kind() == MonitorKind.POD_MONITOR ? ObservabilityCode.MONITOR_POD_MONITOR : ObservabilityCode.MONITOR_SERVICE_MONITOR)
          .severity(Severity.INFO).path(w.kind().kind() + " " + w.namespace() + "/" + w.name()).message(WorkloadMonitors.why(w)).build());
      WorkloadMonitors.collisions(w).forEach(notes::add);
    }
    return new MonitoringPlan(monitors, rules, entries, notes);
  }
}
