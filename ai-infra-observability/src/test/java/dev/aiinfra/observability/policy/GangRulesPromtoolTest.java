package dev.aiinfra.observability.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.observability.promtool.Promtool;
import dev.aiinfra.observability.promtool.PromtoolCase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code promtool test rules}: gang, scheduler and Kueue alerts fire on synthetic series and stay quiet otherwise. */
class GangRulesPromtoolTest {
  static final Map<String, String> PRETRAIN_POD = Map.of("namespace", "training", "pod", "pretrain-workers-0-0", "uid", "u0",
      "label_jobset_sigs_k8s_io_jobset_name", "pretrain", "label_jobset_sigs_k8s_io_job_global_index", "0",
      "label_jobset_sigs_k8s_io_replicatedjob_name", "workers");
  static final Map<String, String> QWEN_LEADER = Map.of("namespace", "serving", "pod", "qwen-0", "uid", "u1",
      "label_leaderworkerset_sigs_k8s_io_name", "qwen", "label_leaderworkerset_sigs_k8s_io_group_index", "0",
      "label_leaderworkerset_sigs_k8s_io_worker_index", "0");

  static Map<String, String> phase(Map<String, String> pod, String phase) {
    return Map.of("namespace", pod.get("namespace"), "pod", pod.get("pod"), "uid", pod.get("uid"), "phase", phase);
  }

  static void passes(PromtoolCase c) {
    Promtool.Result r = c.run(PlanFixtures.plan().ruleSets());
    assertThat(r.ok()).as(r.output()).isTrue();
  }

  @Test
  void a_gang_pending_past_its_own_timeout_alerts_with_that_timeout() {
    // pretrain's timeout is 600 s; qwen has none, so the default 15m applies.
    passes(new PromtoolCase().series("kube_pod_labels", PRETRAIN_POD, "1x30").series("kube_pod_status_phase", phase(PRETRAIN_POD, "Pending"), "1x30")
        .series("kube_pod_labels", QWEN_LEADER, "1x30").series("kube_pod_status_phase", phase(QWEN_LEADER, "Pending"), "1x30")
        .expectAlert(8, "GangPendingPastTimeout")
        .expectAlert(12, "GangPendingPastTimeout", Map.of("namespace", "training", "workload", "pretrain",
            "workload_kind", "JobSet", "severity", "warning", "timeout", "10m"))
        .expectAlert(17, "GangPendingPastTimeout",
            Map.of("namespace", "training", "workload", "pretrain", "workload_kind", "JobSet",
                "severity", "warning", "timeout", "10m"),
            Map.of("namespace", "serving", "workload", "qwen", "workload_kind", "LeaderWorkerSet",
                "severity", "warning", "timeout", "15m")));
  }

  @Test
  void a_gang_placed_before_its_timeout_stays_quiet() {
    passes(new PromtoolCase().series("kube_pod_labels", PRETRAIN_POD, "1x30").series("kube_pod_status_phase", phase(PRETRAIN_POD, "Pending"), "1x5 0x25")
        .series("kube_pod_status_phase", phase(PRETRAIN_POD, "Running"), "0x5 1x25")
        .expectAlert(20, "GangPendingPastTimeout"));
  }

  @Test
  void a_kueue_local_queue_holding_workloads_past_the_timeout_alerts() {
    Map<String, String> queue = Map.of("namespace", "serving", "name", "serving-q", "status", "active", "replica_role", "standalone");
    passes(new PromtoolCase().series("kueue_local_queue_pending_workloads", queue, "2x30")
        .series("kueue_local_queue_pending_workloads", Map.of("namespace", "other", "name", "q", "status", "active", "replica_role", "standalone"), "5x30")
        .expectAlert(10, "KueueLocalQueuePendingPastTimeout")
        .expectAlert(17, "KueueLocalQueuePendingPastTimeout", Map.of("namespace", "serving",
            "name", "serving-q", "status", "active", "replica_role", "standalone", "severity", "warning", "timeout", "15m")));
  }

  @Test
  void pod_group_cycles_that_keep_ending_unschedulable_alert_and_successful_ones_do_not() {
    passes(new PromtoolCase()
        .series("scheduler_podgroup_schedule_attempts_total", Map.of("result", "unschedulable", "profile", "default-scheduler"), "0+1x40")
        .series("scheduler_podgroup_schedule_attempts_total", Map.of("result", "scheduled", "profile", "gang"), "0+1x40")
        .expectAlert(10, "GangSchedulingAttemptsUnschedulable")
        .expectAlert(30, "GangSchedulingAttemptsUnschedulable", Map.of("profile", "default-scheduler", "severity", "warning")));
  }

  @Test
  void unschedulable_attempts_alert_only_while_pods_wait_in_the_unschedulable_queue() {
    passes(new PromtoolCase()
        .series("scheduler_schedule_attempts_total", Map.of("result", "unschedulable", "profile", "default-scheduler"), "0+2x40")
        .series("scheduler_pending_pods", Map.of("queue", "unschedulable", "profile", "default-scheduler"), "3x40")
        .series("scheduler_schedule_attempts_total", Map.of("result", "unschedulable", "profile", "batch"), "0+2x40")
        .series("scheduler_pending_pods", Map.of("queue", "unschedulable", "profile", "batch"), "0x40")
        .expectAlert(30, "PodSchedulingUnschedulableRising", Map.of("profile", "default-scheduler", "severity", "warning")));
  }

  @Test
  void inadmissible_kueue_workloads_alert() {
    passes(new PromtoolCase().series("kueue_pending_workloads", Map.of("cluster_queue", "cq", "status", "inadmissible", "replica_role", "leader"), "1x30")
        .series("kueue_pending_workloads", Map.of("cluster_queue", "cq", "status", "active", "replica_role", "leader"), "4x30")
        .expectAlert(20, "KueueWorkloadsInadmissible", Map.of("cluster_queue", "cq", "severity", "warning")));
  }

  @Test
  void a_long_kueue_admission_wait_alerts_and_a_short_one_does_not() {
    passes(new PromtoolCase()
        .series("kueue_admission_wait_time_seconds_bucket", Map.of("cluster_queue", "slow", "le", "600"), "0x60")
        .series("kueue_admission_wait_time_seconds_bucket", Map.of("cluster_queue", "slow", "le", "3600"), "0+10x60")
        .series("kueue_admission_wait_time_seconds_bucket", Map.of("cluster_queue", "slow", "le", "+Inf"), "0+10x60")
        .series("kueue_admission_wait_time_seconds_bucket", Map.of("cluster_queue", "fast", "le", "600"), "0+10x60")
        .series("kueue_admission_wait_time_seconds_bucket", Map.of("cluster_queue", "fast", "le", "3600"), "0+10x60")
        .series("kueue_admission_wait_time_seconds_bucket", Map.of("cluster_queue", "fast", "le", "+Inf"), "0+10x60")
        .expectAlert(50, "KueueAdmissionWaitHigh", Map.of("cluster_queue", "slow", "severity", "warning")));
  }
}
