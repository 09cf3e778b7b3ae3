package dev.aiinfra.serving.model;

import dev.aiinfra.core.model.DiagnosticCode;

/**
 * The diagnostic codes of {@code ai-infra-serving}: prefill/decode planning, serving deployments
 * (LeaderWorkerSet, llm-d DisaggregatedSet, llmaz, Gateway API Inference Extension) and autoscaling
 * (the SLO autoscaler's decisions, the HorizontalPodAutoscaler it renders). Each constant says what
 * the finding means and what to do about it.
 */
public enum ServingCode implements DiagnosticCode {
  // ---- prefill/decode planning ----
  /** Disaggregated serving wins on tokens/s/GPU; the message says by how much and why (decode-only batches, prefill TP). A note. */
  PD_DISAGG_WINS,
  /** Aggregated serving wins on tokens/s/GPU; the other notes say what holds disaggregation back. A note. */
  PD_AGG_WINS,
  /** Prefill is a small share of a request's GPU time, so separating it gains little. A note. */
  PD_SHORT_PROMPT,
  /** The TPOT and TTFT limits let aggregated replicas run batches as large as the KV cache allows, so prefill interference costs little. A note. */
  PD_LOOSE_TPOT,
  /** The SLA allows only small batches: at such low concurrency both modes are latency-bound. A note. */
  PD_LOW_CONCURRENCY,
  /**
   * Moving the KV cache from prefill to decode workers takes a large share of TTFT, or alone makes
   * disaggregation miss it. Use RDMA (NIXL over InfiniBand or RoCE) between the workers.
   */
  PD_SLOW_KV_TRANSFER,
  /** The best rate-matched xPyD replica leaves GPUs idle, and tokens/s/GPU counts them. A note. */
  PD_GPU_GRANULARITY,
  /**
   * No configuration meets the SLA within the GPUs given; the message gives the fastest TTFT and TPOT
   * reachable. Relax the SLA, add GPUs, or use a faster GPU.
   */
  PD_NO_CONFIGURATION,
  /** The model's weights leave no room for the KV cache of one request even at the largest TP. Use a larger GPU or FP8 weights. */
  PD_MODEL_TOO_LARGE,
  /** No disaggregated configuration meets the SLA within the GPUs; aggregated is the only option. A note. */
  PD_NO_DISAGGREGATED,
  /** No aggregated configuration meets TTFT and TPOT together (prefill interference breaks one); disaggregated is the only option. A note. */
  PD_NO_AGGREGATED,
  // ---- serving deployments ----
  /**
   * A worker's tensor parallelism spans several pods (one LWS group each): the engine must start its
   * distributed runtime (Ray, MPI, SGLang's dist-init-addr) at the leader address. A note.
   */
  SERVE_MULTI_NODE_WORKER,
  /** An aggregated deployment is rendered as one LeaderWorkerSet: a DisaggregatedSet needs at least two roles. A note. */
  SERVE_AGGREGATED_AS_LWS,
  /**
   * llmaz runs each role as its own Playground and does not route from prefill to decode. Put an llm-d
   * endpoint picker with a prefill/decode profile in front.
   */
  SERVE_LLMAZ_NO_PD_ROUTING,
  /**
   * The InferencePool routes through an endpoint picker Service that must be deployed (with a
   * prefill/decode profile when disaggregated). Deploy the llm-d inference scheduler and a Gateway route.
   */
  SERVE_ENDPOINT_PICKER,
  // ---- autoscaling: the SLO autoscaler's decisions ({@code ScalingReason}) ----
  /** Load is within the thresholds: no change. */
  AUTOSCALE_HOLD,
  /** Fewer replicas than minReplicas: scale up to it. */
  AUTOSCALE_BELOW_MIN,
  /** More replicas than maxReplicas: scale down to it. */
  AUTOSCALE_ABOVE_MAX,
  /** Queue depth per replica is above its target: scale up. */
  AUTOSCALE_UP_QUEUE_DEPTH,
  /** KV cache utilisation is above its target: scale up. */
  AUTOSCALE_UP_KV_CACHE,
  /** TTFT is above its SLO: scale up. */
  AUTOSCALE_UP_TTFT,
  /** TPOT is above its SLO: scale up. */
  AUTOSCALE_UP_TPOT,
  /** More replicas are needed but the fleet is at maxReplicas. Raise maxReplicas or relax the SLO. */
  AUTOSCALE_AT_MAX,
  /** Fewer replicas would do and the stabilisation window has passed: scale down. */
  AUTOSCALE_DOWN,
  /** Fewer replicas would do, but the cooldown after the last scale-up has not passed: hold. */
  AUTOSCALE_DOWN_COOLDOWN,
  /** Fewer replicas would do, but the scale-down stabilisation window has not passed: hold. */
  AUTOSCALE_DOWN_STABILISING,
  // ---- autoscaling: the rendered HorizontalPodAutoscaler ----
  /** The HPA cannot scale to zero without the HPAScaleToZero feature gate (alpha): minReplicas is rendered as 1. */
  AUTOSCALE_HPA_MIN_ONE,
  /** {@code behavior.*.tolerance} needs the HPAConfigurableTolerance feature gate (KEP-4951). A note. */
  AUTOSCALE_HPA_TOLERANCE_GATE,
  /**
   * The HPA has no cooldown after a scale-up, only the scale-down stabilisation window. Run the ai-infra
   * autoscaler, or raise {@code scaleDown.stabilizationWindowSeconds} to the cooldown.
   */
  AUTOSCALE_HPA_NO_COOLDOWN,
  /** TTFT/TPOT signals are histogram percentiles: the HPA needs them as External metrics from an adapter (prometheus-adapter, KEDA). */
  AUTOSCALE_HPA_LATENCY_SIGNAL,
  /** No per-pod signal (queue depth, KV cache) to render: the HPA would have no metrics. Give at least one. */
  AUTOSCALE_HPA_NO_METRICS
}
