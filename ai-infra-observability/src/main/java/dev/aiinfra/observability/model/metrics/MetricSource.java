package dev.aiinfra.observability.model.metrics;

/** Who exposes a metric; the rules' checks look a name up in its source's catalog. */
public enum MetricSource {
  /** NVIDIA dcgm-exporter 4.x (default counters and the commented-out ones a user may enable). */
  DCGM_EXPORTER,
  /** kube-state-metrics v2. */
  KUBE_STATE_METRICS,
  /** kube-scheduler ({@code pkg/scheduler/metrics}). */
  KUBE_SCHEDULER,
  /** Kueue controller manager. */
  KUEUE,
  /** JobSet controller manager. */
  JOBSET,
  /** vLLM V1 engine. */
  VLLM,
  /** SGLang. */
  SGLANG,
  /** TensorRT-LLM / NVIDIA Dynamo. */
  TRTLLM
}
