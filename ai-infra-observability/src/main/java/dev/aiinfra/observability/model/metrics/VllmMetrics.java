package dev.aiinfra.observability.model.metrics;

import static dev.aiinfra.observability.model.metrics.MetricSource.VLLM;

import java.util.List;

/**
 * vLLM's V1 engine metrics ({@code vllm/v1/metrics/loggers.py}, {@code docs/design/metrics.md}), as
 * exposed on the API server's {@code /metrics}: counters carry prometheus_client's {@code _total}.
 * Every series has {@code model_name} and {@code engine} (one engine per data-parallel rank). The
 * removed names ({@code gpu_cache_usage_perc}, {@code time_per_output_token_seconds}) are
 * deliberately absent, so no rule can read them.
 */
public final class VllmMetrics {
  private static final String[] L = {"model_name", "engine"};

  public static final Metric NUM_REQUESTS_RUNNING = Metric.gauge(VLLM, "vllm:num_requests_running", L);
  public static final Metric NUM_REQUESTS_WAITING = Metric.gauge(VLLM, "vllm:num_requests_waiting", L);
  /** A fraction 0–1, despite "perc". */
  public static final Metric KV_CACHE_USAGE_PERC = Metric.gauge(VLLM, "vllm:kv_cache_usage_perc", L);
  /** In tokens; hit rate = rate(hits) / rate(queries). */
  public static final Metric PREFIX_CACHE_QUERIES = Metric.counter(VLLM, "vllm:prefix_cache_queries_total", L);
  public static final Metric PREFIX_CACHE_HITS = Metric.counter(VLLM, "vllm:prefix_cache_hits_total", L);
  public static final Metric PROMPT_TOKENS = Metric.counter(VLLM, "vllm:prompt_tokens_total", L);
  public static final Metric GENERATION_TOKENS = Metric.counter(VLLM, "vllm:generation_tokens_total", L);
  public static final Metric NUM_PREEMPTIONS = Metric.counter(VLLM, "vllm:num_preemptions_total", L);
  /** {@code finished_reason} ∈ stop, length, abort, error, repetition. */
  public static final Metric REQUEST_SUCCESS = Metric.counter(VLLM, "vllm:request_success_total", "model_name", "engine", "finished_reason");
  public static final EngineHistogram TIME_TO_FIRST_TOKEN_SECONDS = new EngineHistogram(Metric.histogram(VLLM, "vllm:time_to_first_token_seconds", L),
      List.of(0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0));
  /** The current ITL name; one observation per output step (not per token under speculative decoding). */
  public static final EngineHistogram INTER_TOKEN_LATENCY_SECONDS = new EngineHistogram(Metric.histogram(VLLM, "vllm:inter_token_latency_seconds", L),
      List.of(0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0));
  /** Per-request TPOT = (e2e − TTFT) / (output tokens − 1); the ITL buckets. */
  public static final EngineHistogram REQUEST_TIME_PER_OUTPUT_TOKEN_SECONDS = new EngineHistogram(
      Metric.histogram(VLLM, "vllm:request_time_per_output_token_seconds", L), INTER_TOKEN_LATENCY_SECONDS.bounds());
  public static final EngineHistogram E2E_REQUEST_LATENCY_SECONDS = new EngineHistogram(Metric.histogram(VLLM, "vllm:e2e_request_latency_seconds", L),
      List.of(0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0));
  public static final EngineHistogram REQUEST_QUEUE_TIME_SECONDS = new EngineHistogram(Metric.histogram(VLLM, "vllm:request_queue_time_seconds", L),
      E2E_REQUEST_LATENCY_SECONDS.bounds());

  /** Every metric the domain notes list for vLLM (§2.1). */
  public static final List<Metric> ALL = List.of(
      NUM_REQUESTS_RUNNING, NUM_REQUESTS_WAITING, KV_CACHE_USAGE_PERC, PREFIX_CACHE_QUERIES, PREFIX_CACHE_HITS,
      Metric.counter(VLLM, "vllm:external_prefix_cache_queries_total", L), Metric.counter(VLLM, "vllm:external_prefix_cache_hits_total", L),
      Metric.counter(VLLM, "vllm:mm_cache_queries_total", L), Metric.counter(VLLM, "vllm:mm_cache_hits_total", L),
      PROMPT_TOKENS, GENERATION_TOKENS, Metric.counter(VLLM, "vllm:prompt_tokens_by_source_total", "model_name", "engine", "source"),
      Metric.counter(VLLM, "vllm:prompt_tokens_cached_total", L), NUM_PREEMPTIONS, REQUEST_SUCCESS,
      TIME_TO_FIRST_TOKEN_SECONDS.metric(), INTER_TOKEN_LATENCY_SECONDS.metric(), REQUEST_TIME_PER_OUTPUT_TOKEN_SECONDS.metric(),
      E2E_REQUEST_LATENCY_SECONDS.metric(), REQUEST_QUEUE_TIME_SECONDS.metric(),
      Metric.histogram(VLLM, "vllm:request_inference_time_seconds", L), Metric.histogram(VLLM, "vllm:request_prefill_time_seconds", L),
      Metric.histogram(VLLM, "vllm:request_decode_time_seconds", L), Metric.histogram(VLLM, "vllm:request_prompt_tokens", L),
      Metric.histogram(VLLM, "vllm:request_generation_tokens", L), Metric.histogram(VLLM, "vllm:request_params_max_tokens", L),
      Metric.histogram(VLLM, "vllm:request_max_num_generation_tokens", L), Metric.histogram(VLLM, "vllm:request_prefill_kv_computed_tokens", L),
      Metric.histogram(VLLM, "vllm:iteration_tokens_total", L), Metric.histogram(VLLM, "vllm:request_params_n", L),
      Metric.gauge(VLLM, "vllm:cache_config_info", "block_size", "num_gpu_blocks"),
      Metric.gauge(VLLM, "vllm:lora_requests_info", "max_lora", "running_lora_adapters", "waiting_lora_adapters"),
      Metric.gauge(VLLM, "vllm:engine_sleep_state", "model_name", "engine", "sleep_state"),
      Metric.histogram(VLLM, "vllm:kv_block_lifetime_seconds", L), Metric.histogram(VLLM, "vllm:kv_block_idle_before_evict_seconds", L),
      Metric.histogram(VLLM, "vllm:kv_block_reuse_gap_seconds", L),
      Metric.counter(VLLM, "vllm:spec_decode_num_drafts_total", L), Metric.counter(VLLM, "vllm:spec_decode_num_draft_tokens_total", L),
      Metric.counter(VLLM, "vllm:spec_decode_num_accepted_tokens_total", L));

  private VllmMetrics() {}
}
