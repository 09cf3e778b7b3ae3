package dev.aiinfra.observability.model.metrics;

import static dev.aiinfra.observability.model.metrics.MetricSource.SGLANG;

import java.util.List;

/**
 * SGLang's metrics ({@code python/sglang/srt/metrics/collector.py}, {@code
 * docs/references/production_metrics.md}); the server needs {@code --enable-metrics}. The label set
 * includes at least {@code model_name}.
 */
public final class SglangMetrics {
  private static final String[] L = {"model_name"};

  public static final Metric NUM_RUNNING_REQS = Metric.gauge(SGLANG, "sglang:num_running_reqs", L);
  public static final Metric NUM_QUEUE_REQS = Metric.gauge(SGLANG, "sglang:num_queue_reqs", L);
  public static final Metric NUM_USED_TOKENS = Metric.gauge(SGLANG, "sglang:num_used_tokens", L);
  /** KV-pool fill fraction 0–1 (the Gateway API Inference Extension's KV-utilisation signal). */
  public static final Metric TOKEN_USAGE = Metric.gauge(SGLANG, "sglang:token_usage", L);
  public static final EngineHistogram TIME_TO_FIRST_TOKEN_SECONDS = new EngineHistogram(Metric.histogram(SGLANG, "sglang:time_to_first_token_seconds", L),
      List.of(0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 2.0, 4.0, 6.0, 8.0, 10.0, 20.0, 40.0, 60.0, 80.0, 100.0, 200.0, 400.0));
  public static final EngineHistogram INTER_TOKEN_LATENCY_SECONDS = new EngineHistogram(Metric.histogram(SGLANG, "sglang:inter_token_latency_seconds", L),
      List.of(0.002, 0.004, 0.006, 0.008, 0.010, 0.015, 0.020, 0.025, 0.030, 0.035, 0.040, 0.060, 0.080, 0.100, 0.200, 0.400, 0.600, 0.800,
          1.0, 2.0, 4.0, 6.0, 8.0));
  /** Buckets 0.1 … 2400 s; only the ends are in the notes, so the bounds count as unknown. */
  public static final EngineHistogram E2E_REQUEST_LATENCY_SECONDS = new EngineHistogram(Metric.histogram(SGLANG, "sglang:e2e_request_latency_seconds", L), List.of());

  /** Every metric the domain notes list for SGLang (§2.2). */
  public static final List<Metric> ALL = List.of(
      NUM_RUNNING_REQS, NUM_QUEUE_REQS, NUM_USED_TOKENS, TOKEN_USAGE, Metric.gauge(SGLANG, "sglang:cache_hit_rate", L),
      Metric.gauge(SGLANG, "sglang:gen_throughput", L), Metric.gauge(SGLANG, "sglang:utilization", L),
      Metric.gauge(SGLANG, "sglang:spec_accept_length", L), Metric.gauge(SGLANG, "sglang:spec_accept_rate", L),
      Metric.gauge(SGLANG, "sglang:num_prefill_prealloc_queue_reqs", L), Metric.gauge(SGLANG, "sglang:num_prefill_inflight_queue_reqs", L),
      Metric.gauge(SGLANG, "sglang:num_decode_prealloc_queue_reqs", L), Metric.gauge(SGLANG, "sglang:num_decode_transfer_queue_reqs", L),
      Metric.gauge(SGLANG, "sglang:kv_transfer_speed_gb_s", L), Metric.gauge(SGLANG, "sglang:kv_transfer_latency_ms", L),
      Metric.counter(SGLANG, "sglang:prompt_tokens_total", L), Metric.counter(SGLANG, "sglang:generation_tokens_total", L),
      Metric.counter(SGLANG, "sglang:cached_tokens_total", L), Metric.counter(SGLANG, "sglang:num_requests_total", L),
      Metric.counter(SGLANG, "sglang:num_aborted_requests_total", L),
      TIME_TO_FIRST_TOKEN_SECONDS.metric(), INTER_TOKEN_LATENCY_SECONDS.metric(), E2E_REQUEST_LATENCY_SECONDS.metric(),
      Metric.histogram(SGLANG, "sglang:queue_time_seconds", L));

  private SglangMetrics() {}
}
