package dev.aiinfra.observability.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.observability.promtool.Promtool;
import dev.aiinfra.observability.promtool.PromtoolCase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code promtool test rules}: each GPU alert fires on synthetic dcgm-exporter series and stays quiet on healthy ones. */
class GpuRulesPromtoolTest {
  static final Map<String, String> HELD = Map.of("gpu", "0", "UUID", "GPU-0", "Hostname", "node-1", "namespace", "training",
      "pod", "pretrain-workers-0-0", "container", "trainer");
  static final Map<String, String> DEVICE = Map.of("gpu", "1", "UUID", "GPU-1", "Hostname", "node-1");

  static Map<String, String> with(Map<String, String> labels, String... kv) {
    Map<String, String> m = new HashMap<>(labels);
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static void passes(PromtoolCase c) {
    Promtool.Result r = c.run(PlanFixtures.plan().ruleSets());
    assertThat(r.ok()).as(r.output()).isTrue();
  }

  @Test
  void a_gpu_held_by_a_pod_and_idle_for_the_window_alerts_and_not_before() {
    passes(new PromtoolCase().series("DCGM_FI_PROF_GR_ENGINE_ACTIVE", HELD, "0.01x45")
        .expectAlert(20, "GpuAllocatedButIdle")
        .expectAlert(31, "GpuAllocatedButIdle", with(HELD, "severity", "warning")));
  }

  @Test
  void a_busy_gpu_or_an_idle_gpu_held_by_no_pod_stays_quiet() {
    passes(new PromtoolCase().series("DCGM_FI_PROF_GR_ENGINE_ACTIVE", HELD, "0.6x45").series("DCGM_FI_PROF_GR_ENGINE_ACTIVE", DEVICE, "0x45")
        .expectAlert(40, "GpuAllocatedButIdle"));
  }

  @Test
  void without_dcp_metrics_idleness_is_read_from_gpu_util() {
    passes(new PromtoolCase().series("DCGM_FI_DEV_GPU_UTIL", HELD, "2x45").expectAlert(31, "GpuAllocatedButIdle", with(HELD, "severity", "warning")));
  }

  @Test
  void a_new_xid_alerts_and_a_clean_gpu_does_not() {
    Map<String, String> xid = with(DEVICE, "err_code", "79", "err_msg", "GPU has fallen off the bus");
    passes(new PromtoolCase().series("DCGM_FI_DEV_XID_ERRORS", xid, "0x15 79x10").series("DCGM_FI_DEV_XID_ERRORS", HELD, "0x25")
        .expectAlert(10, "GpuXidError")
        .expectAlert(20, "GpuXidError", with(xid, "severity", "warning")));
  }

  @Test
  void a_nearly_full_framebuffer_alerts_after_five_minutes() {
    passes(new PromtoolCase().series("DCGM_FI_DEV_FB_USED", DEVICE, "79000x15").series("DCGM_FI_DEV_FB_FREE", DEVICE, "1000x15")
        .series("DCGM_FI_DEV_FB_USED", HELD, "40000x15").series("DCGM_FI_DEV_FB_FREE", HELD, "40000x15")
        .expectAlert(3, "GpuFramebufferNearlyFull")
        .expectAlert(10, "GpuFramebufferNearlyFull", with(DEVICE, "severity", "warning")));
  }

  @Test
  void a_hot_gpu_or_hot_memory_alerts_and_a_cool_one_does_not() {
    passes(new PromtoolCase().series("DCGM_FI_DEV_GPU_TEMP", DEVICE, "90x15").series("DCGM_FI_DEV_GPU_TEMP", HELD, "60x15")
        .series("DCGM_FI_DEV_MEMORY_TEMP", DEVICE, "99x15").series("DCGM_FI_DEV_MEMORY_TEMP", HELD, "70x15")
        .expectAlert(10, "GpuTemperatureHigh", with(DEVICE, "severity", "warning"))
        .expectAlert(10, "GpuMemoryTemperatureHigh", with(DEVICE, "severity", "warning")));
  }

  @Test
  void power_above_the_limit_alerts() {
    passes(new PromtoolCase().series("DCGM_FI_DEV_POWER_USAGE", DEVICE, "720x15").series("DCGM_FI_DEV_POWER_USAGE", HELD, "400x15")
        .expectAlert(10, "GpuPowerHigh", with(DEVICE, "severity", "warning")));
  }

  @Test
  void double_bit_ecc_errors_and_row_remaps_alert_and_steady_counters_do_not() {
    passes(new PromtoolCase().series("DCGM_FI_DEV_ECC_DBE_VOL_TOTAL", DEVICE, "0x5 1x10").series("DCGM_FI_DEV_ECC_DBE_VOL_TOTAL", HELD, "3x15")
        .series("DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS", DEVICE, "0x5 2x10").series("DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS", HELD, "1x15")
        .series("DCGM_FI_DEV_ROW_REMAP_FAILURE", DEVICE, "0x5 1x10").series("DCGM_FI_DEV_ROW_REMAP_FAILURE", HELD, "0x15")
        .expectAlert(3, "GpuEccDoubleBitErrors")
        .expectAlert(8, "GpuEccDoubleBitErrors", with(DEVICE, "severity", "critical"))
        .expectAlert(8, "GpuRowRemapPending", with(DEVICE, "severity", "warning"))
        .expectAlert(8, "GpuRowRemapFailed", with(DEVICE, "severity", "critical")));
  }

  @Test
  void gpu_activity_rolls_up_per_workload_gang_and_role_through_the_pod_labels() {
    Map<String, String> pod0 = Map.of("namespace", "training", "pod", "pretrain-workers-0-0", "uid", "u0",
        "label_jobset_sigs_k8s_io_jobset_name", "pretrain", "label_jobset_sigs_k8s_io_job_global_index", "0",
        "label_jobset_sigs_k8s_io_replicatedjob_name", "workers");
    Map<String, String> pod1 = with(pod0, "pod", "pretrain-workers-1-0", "uid", "u1", "label_jobset_sigs_k8s_io_job_global_index", "1");
    Map<String, String> leader = Map.of("namespace", "serving", "pod", "qwen-0", "uid", "u2", "label_leaderworkerset_sigs_k8s_io_name", "qwen",
        "label_leaderworkerset_sigs_k8s_io_group_index", "0", "label_leaderworkerset_sigs_k8s_io_worker_index", "0");
    Map<String, String> worker = with(leader, "pod", "qwen-0-1", "uid", "u3", "label_leaderworkerset_sigs_k8s_io_worker_index", "1");
    passes(new PromtoolCase()
        .series("kube_pod_labels", pod0, "1x10").series("kube_pod_labels", pod1, "1x10")
        .series("kube_pod_labels", leader, "1x10").series("kube_pod_labels", worker, "1x10")
        .series("DCGM_FI_PROF_GR_ENGINE_ACTIVE", with(HELD, "gpu", "0"), "0.9x10")
        .series("DCGM_FI_PROF_GR_ENGINE_ACTIVE", with(HELD, "gpu", "1"), "0.7x10")
        .series("DCGM_FI_PROF_GR_ENGINE_ACTIVE", with(HELD, "gpu", "2", "pod", "pretrain-workers-1-0"), "0.2x10")
        .series("DCGM_FI_PROF_GR_ENGINE_ACTIVE", Map.of("gpu", "0", "Hostname", "node-2", "namespace", "serving", "pod", "qwen-0"), "0.4x10")
        .series("DCGM_FI_PROF_GR_ENGINE_ACTIVE", Map.of("gpu", "0", "Hostname", "node-3", "namespace", "serving", "pod", "qwen-0-1"), "0.8x10")
        .expectValue(5, "workload:gpu:count{workload=\"pretrain\"}", Map.of("__name__", "workload:gpu:count", "namespace", "training", "workload", "pretrain", "workload_kind", "JobSet"), 3)
        .expectValue(5, "gang:gpu_engine_active:avg{workload=\"pretrain\", group=\"0\"}",
            Map.of("__name__", "gang:gpu_engine_active:avg", "namespace", "training", "workload", "pretrain", "workload_kind", "JobSet", "group", "0"), 0.8)
        .expectValue(5, "gang:gpu_engine_active:avg{workload=\"pretrain\", group=\"1\"}",
            Map.of("__name__", "gang:gpu_engine_active:avg", "namespace", "training", "workload", "pretrain", "workload_kind", "JobSet", "group", "1"), 0.2)
        .expectValue(5, "role:gpu_engine_active:avg{workload=\"qwen\", role=\"leader\"}",
            Map.of("__name__", "role:gpu_engine_active:avg", "namespace", "serving", "workload", "qwen", "workload_kind", "LeaderWorkerSet", "role", "leader"), 0.4)
        .expectValue(5, "role:gpu_engine_active:avg{workload=\"qwen\", role=\"worker\"}",
            Map.of("__name__", "role:gpu_engine_active:avg", "namespace", "serving", "workload", "qwen", "workload_kind", "LeaderWorkerSet", "role", "worker"), 0.8));
  }
}
