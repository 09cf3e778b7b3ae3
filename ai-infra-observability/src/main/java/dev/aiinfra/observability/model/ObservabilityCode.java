package dev.aiinfra.observability.model;

import dev.aiinfra.core.model.DiagnosticCode;

/**
 * The diagnostic codes of {@code ai-infra-observability}: monitors (PodMonitor/ServiceMonitor),
 * rules (PrometheusRule) and what a plan generated and why. Each constant says what the finding
 * means and what to do about it.
 */
public enum ObservabilityCode implements DiagnosticCode {
  /** A PodMonitor was generated for the workload's pods; the message names the labels it writes. A note. */
  MONITOR_POD_MONITOR,
  /** A ServiceMonitor was generated because a Service exposes the workload's metrics port. A note. */
  MONITOR_SERVICE_MONITOR,
  /**
   * Two pod label keys of the workload sanitise to the same Prometheus label name, so Kubernetes
   * service discovery keeps only one of them. Rename one of the labels.
   */
  MONITOR_LABEL_COLLISION,
  /**
   * The GPU roll-ups, gang and restart rules join series to pod labels through kube-state-metrics' {@code
   * kube_pod_labels}, which carries no pod label unless allow-listed. Start kube-state-metrics with
   * {@code --metric-labels-allowlist=pods=[…]} naming the keys in the message.
   */
  GPU_KSM_ALLOWLIST,
  /**
   * dcgm-exporter adds {@code pod}/{@code namespace} only with {@code --kubernetes} (the GPU
   * Operator and the Helm chart set it) and only for GPUs requested as {@code nvidia.com/gpu}. A note.
   */
  GPU_EXPORTER_KUBERNETES_MODE,
  /**
   * ECC error counters are off in dcgm-exporter's default counters; the ECC alert only fires after
   * shipping a counters CSV that enables {@code DCGM_FI_DEV_ECC_DBE_VOL_TOTAL}. Row-remap alerts work by default.
   */
  GPU_ECC_COUNTERS_OFF,
  /**
   * The native gang rules read the scheduler's pod-group metrics, registered only on Kubernetes 1.36+
   * with the {@code GenericWorkload} feature gate; older clusters fall back to pod phase. A note.
   */
  GANG_NATIVE_METRICS_GATE,
  /** The workload has no gang timeout, so the gang-pending alert uses the plan's default; the message says which. A note. */
  GANG_DEFAULT_TIMEOUT,
  /** A signal family was asked for but no workload in the input needs it (e.g. GPU rules without GPU pods). A note. */
  PLAN_SIGNAL_UNUSED
}
