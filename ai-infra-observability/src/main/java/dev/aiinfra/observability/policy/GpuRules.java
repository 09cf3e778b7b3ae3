package dev.aiinfra.observability.policy;

import static dev.aiinfra.observability.policy.PromQl.number;

import dev.aiinfra.observability.model.MonitoringOptions;
import dev.aiinfra.observability.model.metrics.DcgmMetrics;
import dev.aiinfra.observability.model.rules.PromDuration;
import dev.aiinfra.observability.model.rules.RecordingRule;
import dev.aiinfra.observability.model.rules.RuleGroup;

/**
 * GPU rules over NVIDIA dcgm-exporter (4.x names): per-GPU activity, GPUs held by a pod but idle,
 * XID errors, framebuffer near full, temperature, power, ECC and HBM row-remap events; and
 * roll-ups of GPU activity, count, power and framebuffer per workload, gang (group) and serving
 * role, joined to pods through {@link WorkloadJoin#INFO}.
 *
 * <p>dcgm-exporter sets {@code pod}/{@code namespace}/{@code container} only with {@code
 * --kubernetes} and only on GPUs bound to a container, so {@code pod!=""} means "allocated".
 * Activity is {@code DCGM_FI_PROF_GR_ENGINE_ACTIVE} (DCP, Volta+), else {@code
 * DCGM_FI_DEV_GPU_UTIL}/100 (GPUs without DCP).
 */
public final class GpuRules {
  public static final String ACTIVE = "gpu:engine_active:ratio";
  public static final String WORKLOAD_ACTIVE = "workload:gpu_engine_active:avg";
  public static final String GANG_ACTIVE = "gang:gpu_engine_active:avg";
  public static final String ROLE_ACTIVE = "role:gpu_engine_active:avg";
  public static final String WORKLOAD_GPUS = "workload:gpu:count";
  public static final String WORKLOAD_POWER = "workload:gpu_power_watts:sum";
  public static final String WORKLOAD_FB = "workload:gpu_fb_used_mib:sum";

  private GpuRules() {}

  /** Recording rules: per-GPU activity, then the roll-ups that read it (one group, so in order). */
  public static RuleGroup recordings() {
    String joined = ACTIVE + " * on (namespace, pod) group_left (workload, workload_kind, group, role) " + WorkloadJoin.INFO;
    String perPod = " * on (namespace, pod) group_left (workload, workload_kind) " + WorkloadJoin.INFO;
    return RuleGroup.builder().name("ai-infra.gpu.recording")
        .addRule(RecordingRule.builder().record(ACTIVE)
            .expr(DcgmMetrics.GR_ENGINE_ACTIVE + "{pod!=\"\"} or " + DcgmMetrics.GPU_UTIL + "{pod!=\"\"} / 100").build())
        .addRule(RecordingRule.builder().record(WORKLOAD_ACTIVE).expr("avg by (namespace, workload, workload_kind) (" + joined + ")").build())
        .addRule(RecordingRule.builder().record(GANG_ACTIVE).expr("avg by (namespace, workload, workload_kind, group) (" + ACTIVE
            + " * on (namespace, pod) group_left (workload, workload_kind, group) " + WorkloadJoin.INFO + "{group!=\"\"})").build())
        .addRule(RecordingRule.builder().record(ROLE_ACTIVE).expr("avg by (namespace, workload, workload_kind, role) (" + ACTIVE
            + " * on (namespace, pod) group_left (workload, workload_kind, role) " + WorkloadJoin.INFO + "{role!=\"\"})").build())
        .addRule(RecordingRule.builder().record(WORKLOAD_GPUS).expr("count by (namespace, workload, workload_kind) (" + joined + ")").build())
        .addRule(RecordingRule.builder().record(WORKLOAD_POWER).expr("sum by (namespace, workload, workload_kind) (" + DcgmMetrics.POWER_USAGE
            + "{pod!=\"\"}" + perPod + ")").build())
        .addRule(RecordingRule.builder().record(WORKLOAD_FB).expr("sum by (namespace, workload, workload_kind) (" + DcgmMetrics.FB_USED
            + "{pod!=\"\"}" + perPod + ")").build())
        .build();
  }

  /** The GPU alerts with the options' thresholds. */
  public static RuleGroup alerts(MonitoringOptions o) {
    String idleFor = PromDuration.ofMinutes(o.gpuIdleMinutes());
    return RuleGroup.builder().name("ai-infra.gpu.alerts")
        .addRule(Alerts.alert("GpuAllocatedButIdle", Alerts.WARNING, ACTIVE + " < " + number(o.gpuIdleRatio()),
                "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} held by {{ $labels.namespace }}/{{ $labels.pod }} is idle",
                "The GPU's engine has been active less than " + number(o.gpuIdleRatio() * 100) + "% of the time for " + idleFor
                    + " while a pod holds it. Check that the job is not stuck (data loading, a hung collective, a finished process in a"
                    + " pod that stays up) or give the GPU back.")
            .forDuration(idleFor).build())
        .addRule(Alerts.alert("GpuXidError", Alerts.WARNING,
                "(" + DcgmMetrics.XID_ERRORS + " > 0 unless " + DcgmMetrics.XID_ERRORS + " offset 10m) or (" + DcgmMetrics.XID_ERRORS
                    + " > 0 and changes(" + DcgmMetrics.XID_ERRORS + "[10m]) > 0)",
                "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} reported XID {{ $value }}",
                "dcgm-exporter reports the last XID the driver logged. XID 48 (double-bit ECC), 79 (fallen off the bus), 94/95 (contained/"
                    + "uncontained memory error) need the GPU drained and reset; 13/31/43 are usually application faults.")
            .keepFiringFor("15m").build())
        .addRule(Alerts.alert("GpuFramebufferNearlyFull", Alerts.WARNING,
                DcgmMetrics.FB_USED + " / (" + DcgmMetrics.FB_USED + " + " + DcgmMetrics.FB_FREE + ") > " + number(o.framebufferFullRatio()),
                "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} framebuffer is {{ $value | humanizePercentage }} full",
                "Allocations may fail with out-of-memory. Serving engines pre-allocate their KV cache (vLLM gpu-memory-utilization), so"
                    + " for them raise the threshold; for training lower the batch size or enable activation checkpointing.")
            .forDuration(o.sustainedFor()).build())
        .addRule(Alerts.alert("GpuTemperatureHigh", Alerts.WARNING, DcgmMetrics.GPU_TEMP + " > " + number(o.gpuTemperatureCelsius()),
                "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} is at {{ $value }} °C",
                "Sustained high temperature throttles clocks. Check the node's cooling and airflow.")
            .forDuration(o.sustainedFor()).build())
        .addRule(Alerts.alert("GpuMemoryTemperatureHigh", Alerts.WARNING, DcgmMetrics.MEMORY_TEMP + " > " + number(o.memoryTemperatureCelsius()),
                "GPU {{ $labels.gpu }} memory on {{ $labels.Hostname }} is at {{ $value }} °C",
                "HBM above its limit throttles and raises the ECC error rate. Check the node's cooling.")
            .forDuration(o.sustainedFor()).build())
        .addRule(Alerts.alert("GpuPowerHigh", Alerts.WARNING, DcgmMetrics.POWER_USAGE + " > " + number(o.gpuPowerWatts()),
                "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} draws {{ $value }} W",
                "The GPU is at its power limit and will throttle; check the node's power budget and the GPU's power cap.")
            .forDuration(o.sustainedFor()).build())
        .addRule(Alerts.alert("GpuEccDoubleBitErrors", Alerts.CRITICAL, "increase(" + DcgmMetrics.ECC_DBE_VOL_TOTAL + "[10m]) > 0",
                "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} had uncorrectable ECC errors",
                "Double-bit ECC errors corrupt memory; the job on the GPU is likely wrong or dead. Drain the node and reset the GPU."
                    + " (Needs a dcgm-exporter counters CSV enabling DCGM_FI_DEV_ECC_DBE_VOL_TOTAL.)")
            .build())
        .addRule(Alerts.alert("GpuRowRemapPending", Alerts.WARNING, "increase(" + DcgmMetrics.UNCORRECTABLE_REMAPPED_ROWS + "[1h]) > 0",
                "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} remapped HBM rows after uncorrectable errors",
                "The remap takes effect at the next GPU reset. Drain the node when the job allows and reset the GPU.")
            .build())
        .addRule(Alerts.alert("GpuRowRemapFailed", Alerts.CRITICAL, DcgmMetrics.ROW_REMAP_FAILURE + " > 0",
                "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} failed to remap HBM rows",
                "The GPU has run out of spare rows and needs replacing. Cordon the node and open an RMA.")
            .build())
        .build();
  }
}
