package dev.aiinfra.observability.model.engine;

import java.util.List;
import java.util.Set;

/**
 * TensorRT-LLM's metrics: {@code trtllm-serve}'s gauges as the Gateway API Inference Extension's
 * model-server protocol maps them (queue, running, KV utilisation), and the latency histograms of
 * the NVIDIA Dynamo frontend ({@code dynamo_frontend_*}, label {@code model}), which is where a
 * TensorRT-LLM deployment's TTFT and ITL are measured. Dynamo's bucket bounds are not in the notes.
 */
public final class TrtllmMetrics {
  public static final String NUM_REQUESTS_WAITING = "trtllm_num_requests_waiting";
  public static final String NUM_REQUESTS_RUNNING = "trtllm_num_requests_running";
  /** KV-cache fill fraction 0–1. */
  public static final String KV_CACHE_UTILIZATION = "trtllm_kv_cache_utilization";
  public static final String KV_CACHE_TOKENS_PER_BLOCK = "trtllm_kv_cache_tokens_per_block";
  public static final String KV_CACHE_MAX_BLOCKS = "trtllm_kv_cache_max_blocks";
  public static final EngineHistogram DYNAMO_TIME_TO_FIRST_TOKEN_SECONDS = new EngineHistogram("dynamo_frontend_time_to_first_token_seconds", List.of());
  public static final EngineHistogram DYNAMO_INTER_TOKEN_LATENCY_SECONDS = new EngineHistogram("dynamo_frontend_inter_token_latency_seconds", List.of());
  public static final EngineHistogram DYNAMO_REQUEST_DURATION_SECONDS = new EngineHistogram("dynamo_frontend_request_duration_seconds", List.of());

  /** Every base name the domain notes list for trtllm-serve, Triton's TRT-LLM backend and the Dynamo frontend. */
  public static final Set<String> ALL = Set.of(
      NUM_REQUESTS_WAITING, NUM_REQUESTS_RUNNING, KV_CACHE_UTILIZATION, KV_CACHE_TOKENS_PER_BLOCK, KV_CACHE_MAX_BLOCKS,
      "nv_trt_llm_request_metrics", "nv_trt_llm_kv_cache_block_metrics",
      "dynamo_frontend_requests_total", "dynamo_frontend_inflight_requests", "dynamo_frontend_queued_requests",
      DYNAMO_TIME_TO_FIRST_TOKEN_SECONDS.name(), DYNAMO_INTER_TOKEN_LATENCY_SECONDS.name(), DYNAMO_REQUEST_DURATION_SECONDS.name(),
      "dynamo_frontend_input_sequence_tokens", "dynamo_frontend_output_sequence_tokens", "dynamo_frontend_output_tokens_total",
      "dynamo_frontend_cached_tokens", "dynamo_frontend_model_migration_total", "dynamo_frontend_disconnected_clients");

  public static final Set<String> LABELS = Set.of("model", "request_type", "kv_cache_block_type", "le");

  private TrtllmMetrics() {}
}
