package dev.aiinfra.observability.policy;

import static dev.aiinfra.observability.policy.PromQl.number;
import static dev.aiinfra.observability.policy.PromQl.quote;

import dev.aiinfra.observability.model.MonitoringOptions;
import dev.aiinfra.observability.model.metrics.KubeStateMetrics;
import dev.aiinfra.observability.model.metrics.KueueMetrics;
import dev.aiinfra.observability.model.metrics.SchedulerMetrics;
import dev.aiinfra.observability.model.rules.PromDuration;
import dev.aiinfra.observability.model.rules.RecordingRule;
import dev.aiinfra.observability.model.rules.RuleGroup;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import dev.aiinfra.scheduling.model.GangTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gang scheduling rules: a gang's pods pending past its timeout (any implementation, through pod
 * phase; kube-state-metrics), a Kueue LocalQueue holding workloads past the timeout (before
 * admission a Kueue job has no pods), gang and pod scheduling attempts that keep failing (the
 * scheduler's pod-group metrics, KEP-4671, 1.36 with the GenericWorkload gate; {@code
 * scheduler_schedule_attempts_total} otherwise), and Kueue admission wait.
 */
public final class GangRules {
  public static final String PENDING = "workload:pods_pending:sum";

  private GangRules() {}

  public static RuleGroup recordings() {
    return RuleGroup.builder().name("ai-infra.gang.recording")
        .addRule(RecordingRule.builder().record(PENDING).expr("sum by (namespace, workload, workload_kind) (" + KubeStateMetrics.POD_STATUS_PHASE
            + "{phase=\"Pending\"} * on (namespace, pod) group_left (workload, workload_kind) " + WorkloadJoin.INFO + ")").build())
        .build();
  }

  /** The timeout a gang alerts after: its own, else the options' default. */
  public static int timeoutMinutes(MonitoredWorkload w, MonitoringOptions o) {
    return w.gangTimeoutSeconds().isPresent() ? Math.max(1, (w.gangTimeoutSeconds().getAsInt() + 59) / 60) : o.gangPendingMinutes();
  }

  public static RuleGroup alerts(List<MonitoredWorkload> workloads, MonitoringOptions o) {
    RuleGroup.Builder g = RuleGroup.builder().name("ai-infra.gang.alerts");
    // One alert per distinct timeout (its `timeout` label keeps the rules apart), each ORing its workloads.
    Map<Integer, List<String>> byTimeout = new TreeMap<>();
    Map<Integer, List<String>> queuesByTimeout = new TreeMap<>();
    boolean nativeGang = false;
    for (MonitoredWorkload w : workloads) {
      if (w.gang().isEmpty()) {
        continue;
      }
      int t = timeoutMinutes(w, o);
      byTimeout.computeIfAbsent(t, k -> new ArrayList<>()).add(PENDING + "{namespace=" + quote(w.namespace()) + ", workload=" + quote(w.name())
          + ", workload_kind=" + quote(w.kind().kind()) + "} > 0");
      if (w.gang().get() == GangTarget.KUEUE && w.queueName().isPresent()) {
        queuesByTimeout.computeIfAbsent(t, k -> new ArrayList<>()).add(KueueMetrics.LOCAL_QUEUE_PENDING_WORKLOADS + "{namespace="
            + quote(w.namespace()) + ", name=" + quote(w.queueName().get()) + "} > 0");
      }
      nativeGang |= w.gang().get() == GangTarget.NATIVE;
    }
    byTimeout.forEach((t, exprs) -> g.addRule(Alerts.alert("GangPendingPastTimeout", Alerts.WARNING, String.join(" or ", exprs.stream().sorted().distinct()
            .toList()), "{{ $labels.workload_kind }} {{ $labels.namespace }}/{{ $labels.workload }} has {{ $value }} pods pending for "
            + PromDuration.ofMinutes(t), "A gang runs only when all its pods are placed; these pods have waited past the gang's timeout."
            + " Check the pods' events (ai-infra gang explain), free or add capacity, or lower the gang's size.")
        .forDuration(PromDuration.ofMinutes(t)).putLabel("timeout", PromDuration.ofMinutes(t)).build()));
    queuesByTimeout.forEach((t, exprs) -> g.addRule(Alerts.alert("KueueLocalQueuePendingPastTimeout", Alerts.WARNING,
            String.join(" or ", exprs.stream().sorted().distinct().toList()),
            "Kueue LocalQueue {{ $labels.namespace }}/{{ $labels.name }} has held {{ $value }} workloads for " + PromDuration.ofMinutes(t),
            "Kueue has not admitted them: the ClusterQueue lacks quota or a flavor fits no pod set. See kueue_pending_workloads by"
                + " cluster_queue and the Workload's status conditions.")
        .forDuration(PromDuration.ofMinutes(t)).putLabel("timeout", PromDuration.ofMinutes(t)).build()));
    String pendingFor = PromDuration.ofMinutes(o.gangPendingMinutes());
    if (nativeGang) {
      g.addRule(Alerts.alert("GangSchedulingAttemptsUnschedulable", Alerts.WARNING, "sum by (profile) (rate("
              + SchedulerMetrics.PODGROUP_SCHEDULE_ATTEMPTS + "{result=\"unschedulable\"}[10m])) > 0",
              "kube-scheduler profile {{ $labels.profile }} keeps failing to place pod groups",
              "Gang (Workload/PodGroup) scheduling cycles have ended unschedulable for " + pendingFor + ". Look at the pending gangs' events;"
                  + " the metric exists on 1.36+ with the GenericWorkload feature gate.")
          .forDuration(pendingFor).build());
    }
    g.addRule(Alerts.alert("PodSchedulingUnschedulableRising", Alerts.WARNING, "sum by (profile) (rate(" + SchedulerMetrics.SCHEDULE_ATTEMPTS
            + "{result=\"unschedulable\"}[10m])) > 0 and sum by (profile) (" + SchedulerMetrics.PENDING_PODS + "{queue=\"unschedulable\"}) > 0",
            "kube-scheduler profile {{ $labels.profile }} finds pods unschedulable",
            "Scheduling attempts have ended unschedulable for " + pendingFor + " and pods wait in the unschedulable queue. See"
                + " scheduler_unschedulable_pods by plugin for the filter that refuses them.")
        .forDuration(pendingFor).build());
    if (workloads.stream().anyMatch(w -> w.gang().filter(t -> t == GangTarget.KUEUE).isPresent())) {
      g.addRule(Alerts.alert("KueueWorkloadsInadmissible", Alerts.WARNING, "sum by (cluster_queue) (" + KueueMetrics.PENDING_WORKLOADS
              + "{status=\"inadmissible\"}) > 0",
              "ClusterQueue {{ $labels.cluster_queue }} holds {{ $value }} inadmissible workloads",
              "They cannot be admitted as they are (no flavor fits, or over the queue's limits). Check their status conditions.")
          .forDuration(pendingFor).build());
      g.addRule(Alerts.alert("KueueAdmissionWaitHigh", Alerts.WARNING, "histogram_quantile(0.9, sum by (le, cluster_queue) (rate("
              + KueueMetrics.ADMISSION_WAIT_TIME.bucket() + "[30m]))) > " + number(o.admissionWaitMinutes() * 60.0),
              "ClusterQueue {{ $labels.cluster_queue }} p90 admission wait is {{ $value | humanizeDuration }}",
              "Workloads wait longer than " + PromDuration.ofMinutes(o.admissionWaitMinutes()) + " for quota. Add quota, borrow from the"
                  + " cohort, or lower priority of the background work.")
          .forDuration("15m").build());
    }
    return g.build();
  }
}
