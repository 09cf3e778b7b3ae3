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
  PLAN_SIGNAL_UNUSED,
  // ---- serving SLOs ----
  /**
   * A latency limit of the SLA is not a bucket bound of the engine's histogram, so the SLI counts
   * requests under the bound below it (stricter). Set the limit to a bound to measure it exactly;
   * the hint names the two nearest.
   */
  SLO_THRESHOLD_NOT_A_BUCKET,
  /**
   * A latency limit is below the smallest bucket bound of the engine's histogram: no SLI can measure
   * it, so its recording rules and burn-rate alerts are left out. Raise the limit.
   */
  SLO_THRESHOLD_BELOW_BUCKETS,
  /**
   * The engine's bucket bounds are not in the catalog (the Dynamo frontend's), so the SLI's {@code le}
   * could not be checked. Check the exporter's /metrics for a bucket with that bound. A note.
   */
  SLO_BUCKETS_UNKNOWN,
  /**
   * A serving deployment in the input has only prefill workloads, so no latency SLO can be measured
   * (the client's latency is the decode role's); its signals are still recorded. Include the decode workload.
   */
  SLO_NO_CLIENT_FACING_WORKLOAD,
  /** No container of a serving deployment names vLLM, SGLang or TensorRT-LLM, so its rules read vLLM's metrics. Pass {@code --engine}. A note. */
  SLO_ENGINE_ASSUMED,
  // ---- autoscaling wired ----
  /**
   * The scale target (a DisaggregatedSet, JobSet, InferencePool) has no /scale subresource, so
   * neither KEDA nor an HPA can resize it and no ScaledObject is rendered. Use one LeaderWorkerSet
   * per role (the lws style).
   */
  SCALER_TARGET_NOT_SCALABLE,
  /**
   * The HPA behind a ScaledObject scales a latency trigger in proportion both ways, so latency well
   * under the SLO asks for fewer replicas where the SLO autoscaler only holds. Keep a queue-depth or
   * KV-cache trigger beside it.
   */
  SCALER_LATENCY_SCALES_DOWN,
  /**
   * At zero replicas no engine pod exports the triggers' metrics, so they cannot wake the workload.
   * Add a trigger on a signal that exists without engine pods (the endpoint picker's flow-control
   * saturation) or keep minReplicas at 1.
   */
  SCALER_ZERO_NEEDS_GATEWAY_SIGNAL,
  /**
   * prometheus-adapter reads a single rule file: merge the rendered rules into its config instead of
   * applying a second ConfigMap. A note.
   */
  SCALER_ADAPTER_ONE_CONFIG
}
