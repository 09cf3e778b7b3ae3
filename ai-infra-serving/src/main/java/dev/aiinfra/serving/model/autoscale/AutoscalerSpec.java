package dev.aiinfra.serving.model.autoscale;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * An inference autoscaler: targets for several signals (queue depth per replica, KV-cache
 * utilisation, TTFT and TPOT against their SLOs), asymmetric tolerances, a scale-up headroom that
 * accounts for pod start-up time, a cooldown after scale-up, a scale-down stabilisation window and
 * bounded scale-down steps. The HPA ({@code autoscaling/v2}) equivalent covers the windows, steps
 * and per-pod metric targets; the cooldown and the SLO signals need this controller.
 */
@Value.Immutable
public abstract class AutoscalerSpec implements WithAutoscalerSpec {
  @Value.Default
  public int minReplicas() {
    return 1;
  }

  public abstract int maxReplicas();

  /** Target waiting requests per replica. */
  public abstract OptionalDouble queueDepthPerReplica();

  /** Target KV-cache utilisation (0–1). */
  public abstract OptionalDouble kvCacheUtilisation();

  /** KV-cache capacity of one replica, in the unit of {@link MetricSample#kvCacheInUse()}. */
  public abstract OptionalDouble kvCacheCapacityPerReplica();

  public abstract OptionalDouble ttftSloMs();

  public abstract OptionalDouble tpotSloMs();

  /** Seconds from creating a replica to it serving (scheduling, image pull, model load, warm-up). */
  @Value.Default
  public double startupSeconds() {
    return 120;
  }

  /**
   * Load growth per minute to provision for while new replicas start: scale-up triggers once load
   * exceeds target × (1 + tolerance) / (1 + growth × start-up minutes), i.e. early by the growth
   * expected during start-up.
   */
  @Value.Default
  public double expectedGrowthPerMinute() {
    return 0.1;
  }

  /** Relative excess over target that triggers a scale-up (HPA's tolerance, 0.1). */
  @Value.Default
  public double scaleUpTolerance() {
    return 0.1;
  }

  /** A replica is removed only if the remaining ones would run below target × (1 − this). */
  @Value.Default
  public double scaleDownTolerance() {
    return 0.3;
  }

  /** Scale down only to the highest recommendation of this many past seconds (HPA's default 300). */
  @Value.Default
  public double scaleDownStabilisationSeconds() {
    return 300;
  }

  /** No scale-down for this long after a scale-up. */
  @Value.Default
  public double scaleDownDelayAfterScaleUpSeconds() {
    return 600;
  }

  /** At most this many replicas removed per {@link #scaleDownPeriodSeconds()}. */
  @Value.Default
  public int scaleDownStep() {
    return 1;
  }

  @Value.Default
  public double scaleDownPeriodSeconds() {
    return 60;
  }

  /** At most this many replicas added at once; unbounded when absent (inference should not wait). */
  public abstract OptionalInt scaleUpStep();

  /** Per-pod metric the HPA reads for queue depth. */
  @Value.Default
  public String queueMetric() {
    return "vllm:num_requests_waiting";
  }

  /** Per-pod metric the HPA reads for KV-cache utilisation (0–1). */
  @Value.Default
  public String kvCacheMetric() {
    return "vllm:kv_cache_usage_perc";
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Start-up headroom factor {@code 1 + growth × start-up minutes}. */
  public double startupHeadroom() {
    return 1 + expectedGrowthPerMinute() * startupSeconds() / 60;
  }

  /** Load ratio (load / (replicas × target)) above which a scale-up triggers. */
  public double scaleUpThreshold() {
    return (1 + scaleUpTolerance()) / startupHeadroom();
  }

  /** Load ratio the fleet must stay below after a scale-down. */
  public double scaleDownThreshold() {
    return 1 - scaleDownTolerance();
  }

  /**
   * The largest relative noise around a flat load this spec never flaps on: a scale-down followed
   * by a scale-up needs the load to rise by more than {@code up / down} thresholds.
   */
  public double noiseImmunity() {
    double up = scaleUpThreshold();
    double down = scaleDownThreshold();
    return (up - down) / (up + down);
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (minReplicas() < 0) {
      v.invalid(FieldPath.of("minReplicas"), minReplicas(), "must not be negative");
    }
    if (maxReplicas() < Math.max(1, minReplicas())) {
      v.invalid(FieldPath.of("maxReplicas"), maxReplicas(), "must be at least 1 and at least minReplicas");
    }
    if (queueDepthPerReplica().isEmpty() && kvCacheUtilisation().isEmpty() && ttftSloMs().isEmpty() && tpotSloMs().isEmpty()) {
      v.required(FieldPath.of("queueDepthPerReplica"), "at least one signal: queue depth, KV-cache utilisation, TTFT or TPOT");
    }
    positive(v, "queueDepthPerReplica", queueDepthPerReplica());
    kvCacheUtilisation().ifPresent(u -> {
      if (!(u > 0 && u <= 1)) {
        v.invalid(FieldPath.of("kvCacheUtilisation"), u, "must be in (0, 1]");
      }
      if (kvCacheCapacityPerReplica().isEmpty()) {
        v.required(FieldPath.of("kvCacheCapacityPerReplica"), "needed to turn KV-cache in use into utilisation");
      }
    });
    positive(v, "kvCacheCapacityPerReplica", kvCacheCapacityPerReplica());
    positive(v, "ttftSloMs", ttftSloMs());
    positive(v, "tpotSloMs", tpotSloMs());
    nonNegative(v, "startupSeconds", startupSeconds());
    nonNegative(v, "expectedGrowthPerMinute", expectedGrowthPerMinute());
    nonNegative(v, "scaleDownStabilisationSeconds", scaleDownStabilisationSeconds());
    nonNegative(v, "scaleDownDelayAfterScaleUpSeconds", scaleDownDelayAfterScaleUpSeconds());
    nonNegative(v, "scaleDownPeriodSeconds", scaleDownPeriodSeconds());
    if (!(scaleUpTolerance() >= 0 && scaleUpTolerance() < 1)) {
      v.invalid(FieldPath.of("scaleUpTolerance"), scaleUpTolerance(), "must be in [0, 1)");
    }
    if (!(scaleDownTolerance() >= 0 && scaleDownTolerance() < 1)) {
      v.invalid(FieldPath.of("scaleDownTolerance"), scaleDownTolerance(), "must be in [0, 1)");
    }
    if (scaleUpTolerance() >= 0 && scaleDownTolerance() >= 0 && expectedGrowthPerMinute() >= 0 && startupSeconds() >= 0
        && scaleUpThreshold() <= scaleDownThreshold()) {
      v.invalid(FieldPath.of("scaleDownTolerance"), scaleDownTolerance(),
          "the scale-up threshold (" + String.format(java.util.Locale.ROOT, "%.3f", scaleUpThreshold()) + " of target after start-up headroom) must stay above the scale-down threshold, or the controller oscillates");
    }
    if (scaleDownStep() < 1) {
      v.invalid(FieldPath.of("scaleDownStep"), scaleDownStep(), "must be at least 1");
    }
    scaleUpStep().ifPresent(s -> {
      if (s < 1) {
        v.invalid(FieldPath.of("scaleUpStep"), s, "must be at least 1");
      }
    });
    v.throwIfAny();
  }

  private static void positive(Violations v, String field, OptionalDouble value) {
    value.ifPresent(x -> {
      if (!(x > 0) || Double.isInfinite(x)) {
        v.invalid(FieldPath.of(field), x, "must be a positive number");
      }
    });
  }

  private static void nonNegative(Violations v, String field, double x) {
    if (!(x >= 0) || Double.isInfinite(x)) {
      v.invalid(FieldPath.of(field), x, "must be a finite, non-negative number");
    }
  }

  /** Builder for {@link AutoscalerSpec}. */
  public static final class Builder extends ImmutableAutoscalerSpec.Builder {}
}
