package dev.aiinfra.observability.policy;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.observability.model.MonitoringOptions;
import dev.aiinfra.observability.model.ObservabilityCode;
import dev.aiinfra.observability.model.Signal;
import dev.aiinfra.observability.model.monitor.MonitorKind;
import dev.aiinfra.observability.model.monitor.MonitorSpec;
import dev.aiinfra.observability.model.rules.RuleGroup;
import dev.aiinfra.observability.model.rules.RuleSet;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import dev.aiinfra.scheduling.model.GangTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Builds a {@link MonitoringPlan}: one monitor per workload, the dcgm-exporter ServiceMonitor, the
 * pod-to-workload join, then one PrometheusRule per signal family (GPU, gang, restarts) the
 * options ask for and the workloads need.
 */
final class MonitoringPlanner {
  static final String JOIN_RULES = "ai-infra-workload-pods";
  static final String GPU_RULES = "ai-infra-gpu";
  static final String GANG_RULES = "ai-infra-gang";
  static final String RESTART_RULES = "ai-infra-restarts";

  private MonitoringPlanner() {}

  static MonitoringPlan plan(List<MonitoredWorkload> workloads, MonitoringOptions options) {
    List<MonitorSpec> monitors = new ArrayList<>();
    List<RuleSet> rules = new ArrayList<>();
    List<PlanEntry> entries = new ArrayList<>();
    List<Diagnostic> notes = new ArrayList<>();
    for (MonitoredWorkload w : workloads) {
      MonitorSpec m = WorkloadMonitors.monitor(w, options);
      monitors.add(m);
      entries.add(new PlanEntry(m.kind().kind(), m.namespace() + "/" + m.name(), subject(w), WorkloadMonitors.why(w)));
      notes.add(Diagnostic.builder()
          .code(m.kind() == MonitorKind.POD_MONITOR ? ObservabilityCode.MONITOR_POD_MONITOR : ObservabilityCode.MONITOR_SERVICE_MONITOR)
          .severity(Severity.INFO).path(subject(w)).message(WorkloadMonitors.why(w)).build());
      notes.addAll(WorkloadMonitors.collisions(w));
    }
    boolean gpu = options.signals().contains(Signal.GPU) && workloads.stream().anyMatch(w -> w.gpusPerPod() > 0);
    boolean gang = options.signals().contains(Signal.GANG) && workloads.stream().anyMatch(w -> w.gang().isPresent());
    boolean restarts = options.signals().contains(Signal.RESTARTS) && !workloads.isEmpty();
    unused(notes, options, Signal.GPU, gpu, "no workload holds GPUs (gpusPerPod is 0 everywhere)");
    unused(notes, options, Signal.GANG, gang, "no workload is scheduled as a gang");
    unused(notes, options, Signal.RESTARTS, restarts, "there are no workloads");
    if (gpu || gang || restarts) {
      rules.add(ruleSet(JOIN_RULES, options, RuleGroup.builder().name("ai-infra.workload.pods").addAllRules(WorkloadJoin.rules(workloads)).build()));
      entries.add(new PlanEntry("PrometheusRule", options.rulesNamespace() + "/" + JOIN_RULES, "",
          "pod:workload:info joins exporters that know only the pod (dcgm-exporter, kube-state-metrics) to workload, group and role"));
      List<String> allowlist = WorkloadJoin.allowlist(workloads);
      if (!allowlist.isEmpty()) {
        notes.add(Diagnostic.builder().code(ObservabilityCode.GPU_KSM_ALLOWLIST).severity(Severity.WARNING)
            .message("the rules join on kube_pod_labels, which carries no pod label unless kube-state-metrics allow-lists it")
            .hint("start kube-state-metrics with --metric-labels-allowlist=pods=[" + String.join(",", allowlist) + "]").build());
      }
    }
    if (gpu) {
      MonitorSpec dcgm = DcgmMonitor.monitor(options);
      monitors.add(dcgm);
      entries.add(new PlanEntry("ServiceMonitor", dcgm.namespace() + "/" + dcgm.name(), "",
          "scrapes dcgm-exporter with honorLabels so GPU series keep the pod, namespace and container holding the GPU"));
      rules.add(ruleSet(GPU_RULES, options, GpuRules.recordings(), GpuRules.alerts(options)));
      entries.add(new PlanEntry("PrometheusRule", options.rulesNamespace() + "/" + GPU_RULES, "",
          "GPU activity per GPU, workload, gang and role; alerts: allocated but idle " + options.gpuIdleMinutes() + "m, XID, framebuffer,"
              + " temperature, power, ECC, row remap"));
      notes.add(Diagnostic.builder().code(ObservabilityCode.GPU_EXPORTER_KUBERNETES_MODE).severity(Severity.INFO)
          .message("GPU series name their pod only when dcgm-exporter runs with --kubernetes (the GPU Operator's and the Helm chart's default)"
              + " and the GPU is requested as nvidia.com/gpu").build());
      notes.add(Diagnostic.builder().code(ObservabilityCode.GPU_ECC_COUNTERS_OFF).severity(Severity.INFO)
          .message("GpuEccDoubleBitErrors reads DCGM_FI_DEV_ECC_DBE_VOL_TOTAL, off in dcgm-exporter's default counters")
          .hint("ship a counters CSV that enables it; the row-remap alerts work with the defaults").build());
    }
    if (gang) {
      rules.add(ruleSet(GANG_RULES, options, GangRules.recordings(), GangRules.alerts(workloads, options)));
      entries.add(new PlanEntry("PrometheusRule", options.rulesNamespace() + "/" + GANG_RULES, "",
          "gang pods pending past their timeout, unschedulable attempts, Kueue admission"));
      for (MonitoredWorkload w : workloads) {
        if (w.gang().isPresent() && w.gangTimeoutSeconds().isEmpty()) {
          notes.add(Diagnostic.builder().code(ObservabilityCode.GANG_DEFAULT_TIMEOUT).severity(Severity.INFO).path(subject(w))
              .message("no gang timeout given: GangPendingPastTimeout fires after the default " + options.gangPendingMinutes() + "m").build());
        }
      }
      if (workloads.stream().anyMatch(w -> w.gang().filter(t -> t == GangTarget.NATIVE).isPresent())) {
        notes.add(Diagnostic.builder().code(ObservabilityCode.GANG_NATIVE_METRICS_GATE).severity(Severity.INFO)
            .message("GangSchedulingAttemptsUnschedulable reads scheduler_podgroup_schedule_attempts_total, registered on Kubernetes 1.36+ with"
                + " the GenericWorkload feature gate; GangPendingPastTimeout works on any version").build());
      }
    }
    if (restarts) {
      rules.add(ruleSet(RESTART_RULES, options, RestartRules.recordings(workloads), RestartRules.alerts(workloads, options)));
      entries.add(new PlanEntry("PrometheusRule", options.rulesNamespace() + "/" + RESTART_RULES, "",
          "in-place container restarts apart from JobSet recreations; recovery within " + options.recoveryMinutes() + "m"));
    }
    return new MonitoringPlan(monitors, rules, entries, notes);
  }

  private static RuleSet ruleSet(String name, MonitoringOptions o, RuleGroup... groups) {
    return RuleSet.builder().name(name).namespace(o.rulesNamespace()).labels(new TreeMap<>(o.objectLabels())).addGroups(groups).build();
  }

  private static void unused(List<Diagnostic> notes, MonitoringOptions o, Signal s, boolean used, String why) {
    if (o.signals().contains(s) && !used) {
      notes.add(Diagnostic.builder().code(ObservabilityCode.PLAN_SIGNAL_UNUSED).severity(Severity.INFO)
          .message(s.wire() + " rules not generated: " + why).build());
    }
  }

  private static String subject(MonitoredWorkload w) {
    return w.kind().kind() + " " + w.namespace() + "/" + w.name();
  }
}
