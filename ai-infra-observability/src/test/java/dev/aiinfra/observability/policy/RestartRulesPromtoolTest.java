package dev.aiinfra.observability.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.observability.promtool.Promtool;
import dev.aiinfra.observability.promtool.PromtoolCase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code promtool test rules}: in-place restarts, JobSet recreations and slow recovery are told apart. */
class RestartRulesPromtoolTest {
  static final Map<String, String> POD = Map.of("namespace", "training", "pod", "pretrain-workers-0-0", "uid", "u0",
      "label_jobset_sigs_k8s_io_jobset_name", "pretrain", "label_jobset_sigs_k8s_io_job_global_index", "0",
      "label_jobset_sigs_k8s_io_replicatedjob_name", "workers", "label_jobset_sigs_k8s_io_restart_attempt", "0");

  static Map<String, String> with(Map<String, String> labels, String... kv) {
    Map<String, String> m = new HashMap<>(labels);
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static Map<String, String> ksm(Map<String, String> pod, String... kv) {
    return with(Map.of("namespace", pod.get("namespace"), "pod", pod.get("pod"), "uid", pod.get("uid")), kv);
  }

  static void passes(PromtoolCase c) {
    Promtool.Result r = c.run(PlanFixtures.plan().ruleSets());
    assertThat(r.ok()).as(r.output()).isTrue();
  }

  static final Map<String, String> IN_PLACE = Map.of("namespace", "training",
      "workload", "pretrain", "workload_kind", "JobSet", "severity", "warning");

  @Test
  void a_container_restarted_in_place_alerts_as_an_in_place_restart_not_a_recreation() {
    passes(new PromtoolCase().series("kube_pod_labels", POD, "1x20")
        .series("kube_pod_container_status_restarts_total", ksm(POD, "container", "trainer"), "0x3 1x17")
        .expectAlert(6, "WorkloadContainersRestartingInPlace", IN_PLACE)
        .expectAlert(6, "JobSetRecreated"));
  }

  @Test
  void steady_restart_counters_stay_quiet() {
    passes(new PromtoolCase().series("kube_pod_labels", POD, "1x20")
        .series("kube_pod_container_status_restarts_total", ksm(POD, "container", "trainer"), "4x20")
        .expectAlert(15, "WorkloadContainersRestartingInPlace"));
  }

  @Test
  void pods_of_a_new_restart_attempt_alert_as_a_jobset_recreation() {
    Map<String, String> recreated = with(POD, "pod", "pretrain-workers-0-0-b", "uid", "u1", "label_jobset_sigs_k8s_io_restart_attempt", "1");
    passes(new PromtoolCase().series("kube_pod_labels", POD, "1x10 _x20").series("kube_pod_labels", recreated, "_x10 1x20")
        .series("kube_pod_container_status_restarts_total", ksm(recreated, "container", "trainer"), "_x10 0x20")
        .expectAlert(8, "JobSetRecreated")
        .expectAlert(14, "JobSetRecreated", Map.of("namespace", "training",
            "workload", "pretrain", "workload_kind", "JobSet", "restart_attempt", "1", "severity", "warning"))
        .expectAlert(14, "WorkloadContainersRestartingInPlace"));
  }

  @Test
  void the_recovery_time_of_a_recreation_counts_from_the_new_attempt_until_its_pods_run() {
    Map<String, String> recreated = with(POD, "pod", "pretrain-workers-0-0-b", "uid", "u1", "label_jobset_sigs_k8s_io_restart_attempt", "1");
    // Attempt 1 appears at minute 10; its pod is Pending until minute 17, then Running.
    passes(new PromtoolCase().series("kube_pod_labels", POD, "1x10 _x20").series("kube_pod_labels", recreated, "_x10 1x20")
        .series("kube_pod_status_phase", ksm(recreated, "phase", "Pending"), "_x10 1x6 0x14")
        .expectValue(14, "workload:jobset_recovery:seconds", Map.of("__name__", "workload:jobset_recovery:seconds", "namespace", "training", "workload", "pretrain", "workload_kind", "JobSet"), 240)
        .expectValue(20, "max_over_time(workload:jobset_recovery:seconds[15m])",
            Map.of("namespace", "training", "workload", "pretrain", "workload_kind", "JobSet"), 360));
  }

  @Test
  void a_failed_jobset_alerts() {
    passes(new PromtoolCase().series("jobset_failed_total", Map.of("jobset_name", "pretrain", "namespace", "training"), "0 0 1x10")
        .expectAlert(5, "JobSetFailed", Map.of("jobset_name", "pretrain", "namespace", "training", "severity", "critical")));
  }

  @Test
  void pods_not_back_to_running_after_a_restart_alert_after_the_recovery_time() {
    passes(new PromtoolCase().series("kube_pod_labels", POD, "1x30")
        .series("kube_pod_container_status_restarts_total", ksm(POD, "container", "trainer"), "0 0 1x28")
        .series("kube_pod_status_phase", ksm(POD, "phase", "Pending"), "0 0 1x28")
        .expectAlert(8, "WorkloadRecoverySlow")
        .expectAlert(14, "WorkloadRecoverySlow", Map.of("namespace", "training", "workload", "pretrain",
            "workload_kind", "JobSet", "severity", "warning")));
  }

  @Test
  void pods_pending_without_any_restart_are_not_a_slow_recovery() {
    passes(new PromtoolCase().series("kube_pod_labels", POD, "1x30").series("kube_pod_status_phase", ksm(POD, "phase", "Pending"), "1x30")
        .expectAlert(20, "WorkloadRecoverySlow"));
  }
}
