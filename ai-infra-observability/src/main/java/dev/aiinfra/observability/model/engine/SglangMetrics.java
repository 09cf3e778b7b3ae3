package dev.aiinfra.observability.model.engine;

import java.util.List;
import java.util.Set;

/**
 * SGLang's metrics ({@code python/sglang/srt/metrics/collector.py}, {@code
 * docs/references/production_metrics.md}); the server needs {@code --enable-metrics}. The label set
 * includes at least {@code model_name}.
 */
public final class SglangMetrics {
  public static final String NUM_RUNNING_REQS = "sglang:num_running_reqs";
  public static final String NUM_QUEUE_REQS = "sglang:num_queue_reqs";
  public static final String NUM_USED_TOKENS = "sglang:num_used_tokens";
  /** KV-pool fill fraction 0–1. */
  public static final String TOKEN_USAGE = "sglang:token_usage";
  public static final String NUM_REQUESTS_TOTAL = "sglang:num_requests_total";
  public static final String NUM_ABORTED_REQUESTS_TOTAL = "sglang:num_aborted_requests_total";
  public static final EngineHistogram TIME_TO_FIRST_TOKEN_SECONDS = new EngineHistogram("sglang:time_to_first_token_seconds",
      List.of(0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 2.0, 4.0, 6.0, 8.0, 10.0, 20.0, 40.0, 60.0, 80.0, 100.0, 200.0, 400.0));
  public static final EngineHistogram INTER_TOKEN_LATENCY_SECONDS = new EngineHistogram("sglang:inter_token_latency_seconds",
      List.of(0.002, 0.004, 0.006, 0.008, 0.010, 0.015, 0.020, 0.025, 0.030, 0.035, 0.040, 0.060, 0.080, 0.100, 0.200, 0.400, 0.600, 0.800,
          1.0, 2.0, 4.0, 6.0, 8.0));
  public static final EngineHistogram E2E_REQUEST_LATENCY_SECONDS = new EngineHistogram("sglang:e2e_request_latency_seconds", List.of());
  public static final EngineHistogram QUEUE_TIME_SECONDS = new EngineHistogram("sglang:queue_time_seconds", List.of());

  /** Every base name the domain notes list. */
  public static final Set<String> ALL = Set.of(
      NUM_RUNNING_REQS, NUM_QUEUE_REQS, NUM_USED_TOKENS, TOKEN_USAGE, "sglang:cache_hit_rate", "sglang:gen_throughput",
      "sglang:utilization", "sglang:spec_accept_length", "sglang:spec_accept_rate",
      "sglang:num_prefill_prealloc_queue_reqs", "sglang:num_prefill_inflight_queue_reqs", "sglang:num_decode_prealloc_queue_reqs",
      "sglang:num_decode_transfer_queue_reqs", "sglang:kv_transfer_speed_gb_s", "sglang:kv_transfer_latency_ms",
      "sglang:prompt_tokens_total", "sglang:generation_tokens_total", "sglang:cached_tokens_total", NUM_REQUESTS_TOTAL,
      NUM_ABORTED_REQUESTS_TOTAL, TIME_TO_FIRST_TOKEN_SECONDS.name(), INTER_TOKEN_LATENCY_SECONDS.name(),
      E2E_REQUEST_LATENCY_SECONDS.name(), QUEUE_TIME_SECONDS.name(), "sglang:cache_config_info");

  public static final Set<String> LABELS = Set.of("model_name", "le");

  private SglangMetrics() {}
}
