package dev.aiinfra.observability.policy;

import static dev.aiinfra.observability.policy.PromQl.anyOf;
import static dev.aiinfra.observability.policy.PromQl.quote;

import dev.aiinfra.observability.model.MonitoringOptions;
import dev.aiinfra.observability.model.metrics.JobSetMetrics;
import dev.aiinfra.observability.model.metrics.KubeStateMetrics;
import dev.aiinfra.observability.model.rules.PromDuration;
import dev.aiinfra.observability.model.rules.RecordingRule;
import dev.aiinfra.observability.model.rules.RuleGroup;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import dev.aiinfra.observability.model.workload.PodLabels;
import dev.aiinfra.observability.model.workload.WorkloadKind;
import java.util.List;

/**
 * Restart rules that tell the two kinds of restart apart: in place (the kubelet restarts a
 * container in the same pod; {@code kube_pod_container_status_restarts_total} rises) and
 * recreation (JobSet deletes and recreates its Jobs: new pods carry a higher {@code
 * jobset.sigs.k8s.io/restart-attempt}, and their restart counters start at zero); and the alert
 * for a workload that has not recovered (pods back to Running) within the recovery time after
 * either. For a recreation {@code workload:jobset_recovery:seconds} counts the time since the new
 * attempt's pods appeared while any is not Running; its maximum over a window is the recovery time
 * of that restart. (An in-place restart leaves the pod phase Running, so its recovery is the
 * restart counter standing still, which the in-place alert's window shows.)
 */
public final class RestartRules {
  public static final String IN_PLACE = "workload:container_restarts:increase10m";
  public static final String ATTEMPT_PODS = "workload:jobset_restart_attempt_pods:count";
  public static final String NOT_RUNNING = "workload:pods_not_running:sum";
  public static final String RECREATED_AT = "workload:jobset_recreated:timestamp";
  public static final String RECOVERY = "workload:jobset_recovery:seconds";

  private RestartRules() {}

  public static RuleGroup recordings(List<MonitoredWorkload> workloads) {
    RuleGroup.Builder g = RuleGroup.builder().name("ai-infra.restarts.recording")
        .addRule(RecordingRule.builder().record(IN_PLACE).expr("sum by (namespace, workload, workload_kind) (increase("
            + KubeStateMetrics.CONTAINER_RESTARTS + "[10m]) * on (namespace, pod) group_left (workload, workload_kind) " + WorkloadJoin.INFO + ")")
            .build())
        .addRule(RecordingRule.builder().record(NOT_RUNNING).expr("sum by (namespace, workload, workload_kind) (" + KubeStateMetrics.POD_STATUS_PHASE
            + "{phase=~\"Pending|Failed|Unknown\"} * on (namespace, pod) group_left (workload, workload_kind) " + WorkloadJoin.INFO + ")").build());
    List<String> jobSets = jobSets(workloads);
    if (!jobSets.isEmpty()) {
      String name = PodLabels.ksmLabel(PodLabels.JOBSET_NAME);
      String attempt = PodLabels.ksmLabel(PodLabels.JOBSET_RESTART_ATTEMPT);
      g.addRule(RecordingRule.builder().record(ATTEMPT_PODS).expr("count by (namespace, workload, restart_attempt) (label_replace(label_replace("
          + KubeStateMetrics.POD_LABELS + "{" + name + "=~" + quote(anyOf(jobSets)) + ", " + attempt + "!=\"\"}, \"workload\", \"$1\", " + quote(name)
          + ", \"(.+)\"), \"restart_attempt\", \"$1\", " + quote(attempt) + ", \"(.+)\"))").putLabel("workload_kind", WorkloadKind.JOBSET.kind())
          .build());
      // When the newest restart attempt first appeared (each attempt's first sample in 6h; the newest wins), and while the
      // JobSet's pods are not all Running again, how long that has taken: max_over_time of it is the recovery time.
      g.addRule(RecordingRule.builder().record(RECREATED_AT).expr("max by (namespace, workload, workload_kind) (min_over_time(timestamp("
          + ATTEMPT_PODS + "{restart_attempt!=\"0\"})[6h:1m]))").build());
      g.addRule(RecordingRule.builder().record(RECOVERY).expr("(time() - " + RECREATED_AT + ") and on (namespace, workload) (" + NOT_RUNNING
          + " > 0)").build());
    }
    return g.build();
  }

  public static RuleGroup alerts(List<MonitoredWorkload> workloads, MonitoringOptions o) {
    String recovery = PromDuration.ofMinutes(o.recoveryMinutes());
    boolean jobSets = !jobSets(workloads).isEmpty();
    RuleGroup.Builder g = RuleGroup.builder().name("ai-infra.restarts.alerts")
        .addRule(Alerts.alert("WorkloadContainersRestartingInPlace", Alerts.WARNING, IN_PLACE + " > 0",
            "{{ $labels.workload_kind }} {{ $labels.namespace }}/{{ $labels.workload }} restarted containers {{ $value }} times in place",
            "The kubelet restarted containers inside the same pods (crash, OOM kill, failed liveness probe): the pods kept their node, GPUs"
                + " and IP. kube_pod_container_status_last_terminated_reason says why.").build());
    String restarted = "(max_over_time(" + IN_PLACE + "[1h]) > 0)";
    if (jobSets) {
      g.addRule(Alerts.alert("JobSetRecreated", Alerts.WARNING, ATTEMPT_PODS + "{restart_attempt!=\"0\"} unless " + ATTEMPT_PODS + " offset 15m",
          "JobSet {{ $labels.namespace }}/{{ $labels.workload }} recreated its Jobs (restart attempt {{ $labels.restart_attempt }})",
          "A failure policy restarted the whole JobSet: every pod was deleted and created again (new nodes, cold caches, a checkpoint"
              + " reload). Find the failed Job in the JobSet's events.").keepFiringFor("15m").build());
      g.addRule(Alerts.alert("JobSetFailed", Alerts.CRITICAL, "increase(" + JobSetMetrics.FAILED + "[10m]) > 0",
          "JobSet {{ $labels.namespace }}/{{ $labels.jobset_name }} failed",
          "The JobSet ran out of restarts (maxRestarts) or a failure policy failed it. Its status conditions name the Job.").build());
      restarted = "(" + restarted + " or on (namespace, workload) count by (namespace, workload) (max_over_time(" + ATTEMPT_PODS
          + "{restart_attempt!=\"0\"}[1h])))";
    }
    g.addRule(Alerts.alert("WorkloadRecoverySlow", Alerts.WARNING, "(" + NOT_RUNNING + " > 0) and on (namespace, workload) " + restarted,
        "{{ $labels.workload_kind }} {{ $labels.namespace }}/{{ $labels.workload }} has not recovered " + recovery + " after a restart",
        "{{ $value }} pods are not Running " + recovery + " after a restart. Look for pods waiting on scheduling (capacity, gang), image pulls"
            + " or volume attachment.").forDuration(recovery).build());
    return g.build();
  }

  private static List<String> jobSets(List<MonitoredWorkload> workloads) {
    return workloads.stream().filter(w -> w.kind() == WorkloadKind.JOBSET).map(MonitoredWorkload::name).sorted().distinct().toList();
  }
}
