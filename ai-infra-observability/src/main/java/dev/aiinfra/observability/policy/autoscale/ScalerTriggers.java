package dev.aiinfra.observability.policy.autoscale;

import dev.aiinfra.observability.model.autoscale.ScaleTarget;
import dev.aiinfra.observability.model.autoscale.ScalerTrigger;
import dev.aiinfra.observability.model.autoscale.ScalerTrigger.MetricType;
import dev.aiinfra.observability.model.metrics.EngineHistogram;
import dev.aiinfra.observability.model.engine.ServingEngine;
import dev.aiinfra.observability.model.engine.ServingLabels;
import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The Prometheus triggers of an {@link AutoscalerSpec} for one scale target, in the engine's metric
 * names. The load targets are divided by the spec's start-up headroom exactly as {@code
 * HpaRenderer} divides its per-pod targets, so KEDA scales up as early as the SLO autoscaler does:
 *
 * <ul>
 *   <li>{@code queue-depth}: waiting requests summed over the target's pods, {@code AverageValue}
 *       {@code queueDepthPerReplica / headroom};
 *   <li>{@code kv-cache}: each pod's KV-cache utilisation (averaged over its data-parallel engines),
 *       summed, {@code AverageValue} {@code kvCacheUtilisation / headroom};
 *   <li>{@code ttft} / {@code tpot}: the {@link #LATENCY_QUANTILE} quantile of the engine's
 *       TTFT / inter-token latency histogram, {@code Value} = the SLO in seconds, so the HPA asks for
 *       {@code ceil(replicas × latency / SLO)}, the autoscaler's latency rule. Idle (no requests,
 *       a NaN quantile) reads as 0.
 * </ul>
 */
public final class ScalerTriggers {
  /** The latency quantile the TTFT and TPOT triggers compare with the SLO. */
  public static final double LATENCY_QUANTILE = 0.9;
  /** The rate window of the latency triggers: short, because a scaler must react within minutes. */
  public static final String LATENCY_WINDOW = "2m";

  private ScalerTriggers() {}

  public static List<ScalerTrigger> of(AutoscalerSpec a, ServingEngine engine, ScaleTarget target) {
    String m = matchers(target);
    double h = a.startupHeadroom();
    List<ScalerTrigger> triggers = new ArrayList<>();
    a.queueDepthPerReplica().ifPresent(q -> triggers.add(new ScalerTrigger("queue-depth", "waiting requests per replica",
        "sum(" + engine.queueDepth() + "{" + m + "})", MetricType.AVERAGE_VALUE, q / h)));
    a.kvCacheUtilisation().ifPresent(u -> triggers.add(new ScalerTrigger("kv-cache", "KV-cache utilisation per replica",
        "sum(avg by (pod) (" + engine.kvCacheUtilisation() + "{" + m + "}))", MetricType.AVERAGE_VALUE, u / h)));
    a.ttftSloMs().ifPresent(t -> triggers.add(new ScalerTrigger("ttft", "p90 time to first token (s) against the SLO",
        latency(engine.ttft(), m), MetricType.VALUE, t / 1000)));
    a.tpotSloMs().ifPresent(t -> triggers.add(new ScalerTrigger("tpot", "p90 inter-token latency (s) against the TPOT SLO",
        latency(engine.interTokenLatency(), m), MetricType.VALUE, t / 1000)));
    return triggers;
  }

  /**
   * The matchers for the target's pods: its namespace and workload. Scaling needs a scale
   * subresource, so the target is one role's own workload and the role needs no matcher.
   */
  public static String matchers(ScaleTarget target) {
    return "namespace=\"" + target.namespace() + "\"," + ServingLabels.WORKLOAD + "=\"" + target.name() + "\"";
  }

  private static String latency(EngineHistogram h, String m) {
    // A NaN quantile (no requests in the window) fails "> 0", and "or vector(0)" then reads as idle.
    return "histogram_quantile(" + plain(LATENCY_QUANTILE) + ", sum by (le) (rate(" + h.bucket() + "{" + m + "}[" + LATENCY_WINDOW + "]))) > 0 or vector(0)";
  }

  /** A threshold as KEDA's metadata string: plain decimal, at most 3 fraction digits (the HPA's milli units). */
  public static String threshold(double v) {
    return BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  private static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
