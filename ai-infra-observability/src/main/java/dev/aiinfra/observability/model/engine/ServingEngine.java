package dev.aiinfra.observability.model.engine;

import dev.aiinfra.observability.model.metrics.EngineHistogram;
import dev.aiinfra.observability.model.metrics.Metric;
import dev.aiinfra.observability.model.metrics.SglangMetrics;
import dev.aiinfra.observability.model.metrics.TrtllmMetrics;
import dev.aiinfra.observability.model.metrics.VllmMetrics;
import dev.aiinfra.serving.model.pd.Backend;
import java.util.Locale;
import java.util.Optional;
import java.util.List;

/**
 * The serving engine whose metrics the SLO rules and scalers read, and the signals each one exposes
 * under its own names: TTFT and inter-token latency histograms, waiting and running requests, and
 * KV-cache utilisation (a fraction 0–1 on every engine). The Gateway API Inference Extension's
 * model-server protocol maps the same signals across engines.
 */
public enum ServingEngine {
  VLLM("vllm", VllmMetrics.TIME_TO_FIRST_TOKEN_SECONDS, VllmMetrics.INTER_TOKEN_LATENCY_SECONDS, VllmMetrics.E2E_REQUEST_LATENCY_SECONDS,
      VllmMetrics.NUM_REQUESTS_WAITING, VllmMetrics.NUM_REQUESTS_RUNNING, VllmMetrics.KV_CACHE_USAGE_PERC, VllmMetrics.ALL),
  SGLANG("sglang", SglangMetrics.TIME_TO_FIRST_TOKEN_SECONDS, SglangMetrics.INTER_TOKEN_LATENCY_SECONDS, SglangMetrics.E2E_REQUEST_LATENCY_SECONDS,
      SglangMetrics.NUM_QUEUE_REQS, SglangMetrics.NUM_RUNNING_REQS, SglangMetrics.TOKEN_USAGE, SglangMetrics.ALL),
  TRTLLM("trtllm", TrtllmMetrics.DYNAMO_TIME_TO_FIRST_TOKEN_SECONDS, TrtllmMetrics.DYNAMO_INTER_TOKEN_LATENCY_SECONDS,
      TrtllmMetrics.DYNAMO_REQUEST_DURATION_SECONDS, TrtllmMetrics.NUM_REQUESTS_WAITING, TrtllmMetrics.NUM_REQUESTS_RUNNING,
      TrtllmMetrics.KV_CACHE_UTILIZATION, TrtllmMetrics.ALL);

  private final String id;
  private final EngineHistogram ttft;
  private final EngineHistogram interTokenLatency;
  private final EngineHistogram requestLatency;
  private final Metric queueDepth;
  private final Metric running;
  private final Metric kvCacheUtilisation;
  private final List<Metric> metrics;

  ServingEngine(String id, EngineHistogram ttft, EngineHistogram interTokenLatency, EngineHistogram requestLatency, Metric queueDepth,
      Metric running, Metric kvCacheUtilisation, List<Metric> metrics) {
    this.id = id;
    this.ttft = ttft;
    this.interTokenLatency = interTokenLatency;
    this.requestLatency = requestLatency;
    this.queueDepth = queueDepth;
    this.running = running;
    this.kvCacheUtilisation = kvCacheUtilisation;
    this.metrics = metrics;
  }

  /** The CLI's name: {@code vllm}, {@code sglang}, {@code trtllm}. */
  public String id() {
    return id;
  }

  public EngineHistogram ttft() {
    return ttft;
  }

  public EngineHistogram interTokenLatency() {
    return interTokenLatency;
  }

  public EngineHistogram requestLatency() {
    return requestLatency;
  }

  /** Gauge of requests waiting in the engine's queue. */
  public String queueDepth() {
    return queueDepth.name();
  }

  /** Gauge of requests in the running batch. */
  public String running() {
    return running.name();
  }

  /** Gauge of KV-cache utilisation, a fraction 0–1. */
  public String kvCacheUtilisation() {
    return kvCacheUtilisation.name();
  }

  /** Every metric the domain notes list for this engine. */
  public List<Metric> metrics() {
    return metrics;
  }

  /** The engine a serving deployment's backend runs. */
  public static ServingEngine of(Backend backend) {
    switch (backend) {
      case SGLANG:
        return SGLANG;
      case TRTLLM:
        return TRTLLM;
      default:
        return VLLM;
    }
  }

  /** The engine with this name, case-insensitive. */
  public static Optional<ServingEngine> byId(String id) {
    for (ServingEngine e : values()) {
      if (e.id.equals(id.toLowerCase(Locale.ROOT))) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
