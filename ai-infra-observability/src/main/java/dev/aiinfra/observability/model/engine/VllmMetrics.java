package dev.aiinfra.observability.model.engine;

import java.util.List;
import java.util.Set;

/**
 * vLLM's V1 engine metrics ({@code vllm/v1/metrics/loggers.py}, {@code docs/design/metrics.md}), as
 * exposed on the API server's {@code /metrics}: counters carry prometheus_client's {@code _total}.
 * Every series has {@code model_name} and {@code engine}. The removed names ({@code
 * gpu_cache_usage_perc}, {@code time_per_output_token_seconds}) are deliberately absent.
 */
public final class VllmMetrics {
  public static final String NUM_REQUESTS_RUNNING = "vllm:num_requests_running";
  public static final String NUM_REQUESTS_WAITING = "vllm:num_requests_waiting";
  /** A fraction 0–1, despite "perc". */
  public static final String KV_CACHE_USAGE_PERC = "vllm:kv_cache_usage_perc";
  public static final String PREFIX_CACHE_QUERIES_TOTAL = "vllm:prefix_cache_queries_total";
  public static final String PREFIX_CACHE_HITS_TOTAL = "vllm:prefix_cache_hits_total";
  public static final String PROMPT_TOKENS_TOTAL = "vllm:prompt_tokens_total";
  public static final String GENERATION_TOKENS_TOTAL = "vllm:generation_tokens_total";
  public static final String NUM_PREEMPTIONS_TOTAL = "vllm:num_preemptions_total";
  /** Label {@code finished_reason} ∈ stop, length, abort, error, repetition. */
  public static final String REQUEST_SUCCESS_TOTAL = "vllm:request_success_total";
  public static final EngineHistogram TIME_TO_FIRST_TOKEN_SECONDS = new EngineHistogram("vllm:time_to_first_token_seconds",
      List.of(0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0));
  /** One observation per output step (not per token under speculative decoding). */
  public static final EngineHistogram INTER_TOKEN_LATENCY_SECONDS = new EngineHistogram("vllm:inter_token_latency_seconds",
      List.of(0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0));
  /** Per-request TPOT = (e2e − TTFT) / (output tokens − 1); the ITL buckets. */
  public static final EngineHistogram REQUEST_TIME_PER_OUTPUT_TOKEN_SECONDS = new EngineHistogram("vllm:request_time_per_output_token_seconds",
      INTER_TOKEN_LATENCY_SECONDS.bounds());
  public static final EngineHistogram E2E_REQUEST_LATENCY_SECONDS = new EngineHistogram("vllm:e2e_request_latency_seconds",
      List.of(0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0));
  public static final EngineHistogram REQUEST_QUEUE_TIME_SECONDS = new EngineHistogram("vllm:request_queue_time_seconds", E2E_REQUEST_LATENCY_SECONDS.bounds());

  /** Every base name the domain notes list (histograms by base name). */
  public static final Set<String> ALL = Set.of(
      NUM_REQUESTS_RUNNING, NUM_REQUESTS_WAITING, KV_CACHE_USAGE_PERC, PREFIX_CACHE_QUERIES_TOTAL, PREFIX_CACHE_HITS_TOTAL,
      "vllm:external_prefix_cache_queries_total", "vllm:external_prefix_cache_hits_total", "vllm:mm_cache_queries_total", "vllm:mm_cache_hits_total",
      PROMPT_TOKENS_TOTAL, GENERATION_TOKENS_TOTAL, "vllm:prompt_tokens_by_source_total", "vllm:prompt_tokens_cached_total",
      NUM_PREEMPTIONS_TOTAL, REQUEST_SUCCESS_TOTAL,
      TIME_TO_FIRST_TOKEN_SECONDS.name(), INTER_TOKEN_LATENCY_SECONDS.name(), REQUEST_TIME_PER_OUTPUT_TOKEN_SECONDS.name(),
      E2E_REQUEST_LATENCY_SECONDS.name(), REQUEST_QUEUE_TIME_SECONDS.name(), "vllm:request_inference_time_seconds",
      "vllm:request_prefill_time_seconds", "vllm:request_decode_time_seconds",
      "vllm:request_prompt_tokens", "vllm:request_generation_tokens", "vllm:request_params_max_tokens",
      "vllm:request_max_num_generation_tokens", "vllm:request_prefill_kv_computed_tokens", "vllm:iteration_tokens_total",
      "vllm:request_params_n", "vllm:cache_config_info", "vllm:lora_requests_info", "vllm:engine_sleep_state",
      "vllm:kv_block_lifetime_seconds", "vllm:kv_block_idle_before_evict_seconds", "vllm:kv_block_reuse_gap_seconds",
      "vllm:spec_decode_num_drafts_total", "vllm:spec_decode_num_draft_tokens_total", "vllm:spec_decode_num_accepted_tokens_total");

  /** The labels on every vLLM series, besides the scrape's target labels. */
  public static final Set<String> LABELS = Set.of("model_name", "engine", "finished_reason", "source", "le");

  private VllmMetrics() {}
}
