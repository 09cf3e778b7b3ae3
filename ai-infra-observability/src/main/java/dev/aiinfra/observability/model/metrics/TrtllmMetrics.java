package dev.aiinfra.observability.model.metrics;

import static dev.aiinfra.observability.model.metrics.MetricSource.TRTLLM;

import java.util.List;

/**
 * TensorRT-LLM's metrics: {@code trtllm-serve}'s gauges as the Gateway API Inference Extension's
 * model-server protocol maps them (queue, running, KV utilisation), Triton's TRT-LLM backend
 * families, and the NVIDIA Dynamo frontend's {@code dynamo_frontend_*} histograms (label {@code
 * model}), where a TensorRT-LLM deployment's TTFT and ITL are measured. Dynamo's bucket bounds are
 * not in the notes, so an SLI on them says it could not check its bound.
 */
public final class TrtllmMetrics {
  public static final Metric NUM_REQUESTS_WAITING = Metric.gauge(TRTLLM, "trtllm_num_requests_waiting");
  public static final Metric NUM_REQUESTS_RUNNING = Metric.gauge(TRTLLM, "trtllm_num_requests_running");
  /** KV-cache fill fraction 0–1. */
  public static final Metric KV_CACHE_UTILIZATION = Metric.gauge(TRTLLM, "trtllm_kv_cache_utilization");
  public static final EngineHistogram DYNAMO_TIME_TO_FIRST_TOKEN_SECONDS = new EngineHistogram(
      Metric.histogram(TRTLLM, "dynamo_frontend_time_to_first_token_seconds", "model"), List.of());
  public static final EngineHistogram DYNAMO_INTER_TOKEN_LATENCY_SECONDS = new EngineHistogram(
      Metric.histogram(TRTLLM, "dynamo_frontend_inter_token_latency_seconds", "model"), List.of());
  public static final EngineHistogram DYNAMO_REQUEST_DURATION_SECONDS = new EngineHistogram(
      Metric.histogram(TRTLLM, "dynamo_frontend_request_duration_seconds", "model"), List.of());

  /** Every metric the domain notes list for trtllm-serve, Triton's TRT-LLM backend and the Dynamo frontend (§2.3). */
  public static final List<Metric> ALL = List.of(
      NUM_REQUESTS_WAITING, NUM_REQUESTS_RUNNING, KV_CACHE_UTILIZATION,
      Metric.gauge(TRTLLM, "trtllm_kv_cache_tokens_per_block"), Metric.gauge(TRTLLM, "trtllm_kv_cache_max_blocks"),
      Metric.gauge(TRTLLM, "nv_trt_llm_request_metrics", "request_type"), Metric.gauge(TRTLLM, "nv_trt_llm_kv_cache_block_metrics", "kv_cache_block_type"),
      Metric.counter(TRTLLM, "dynamo_frontend_requests_total", "model"), Metric.gauge(TRTLLM, "dynamo_frontend_inflight_requests", "model"),
      Metric.gauge(TRTLLM, "dynamo_frontend_queued_requests", "model"),
      DYNAMO_TIME_TO_FIRST_TOKEN_SECONDS.metric(), DYNAMO_INTER_TOKEN_LATENCY_SECONDS.metric(), DYNAMO_REQUEST_DURATION_SECONDS.metric(),
      Metric.histogram(TRTLLM, "dynamo_frontend_input_sequence_tokens", "model"), Metric.histogram(TRTLLM, "dynamo_frontend_output_sequence_tokens", "model"),
      Metric.counter(TRTLLM, "dynamo_frontend_output_tokens_total", "model"), Metric.histogram(TRTLLM, "dynamo_frontend_cached_tokens", "model"),
      Metric.counter(TRTLLM, "dynamo_frontend_model_migration_total", "model"), Metric.counter(TRTLLM, "dynamo_frontend_disconnected_clients", "model"));

  private TrtllmMetrics() {}
}
