package dev.aiinfra.serving.policy.autoscale;

import dev.aiinfra.serving.model.autoscale.AutoscalerSpec;
import dev.aiinfra.serving.model.autoscale.MetricSample;
import dev.aiinfra.testing.Gen;
import java.util.ArrayList;
import java.util.List;

/** Autoscaler specs and metric series: random walks with bursts, load steps, and noisy flat load. */
public final class AutoscaleGenerators {
  /** Scrape interval of the generated series, seconds. */
  public static final double INTERVAL = 15;

  private AutoscaleGenerators() {}

  /** Valid specs on the queue-depth signal (plus KV cache sometimes), with varied windows and tolerances. */
  public static Gen<AutoscalerSpec> specs() {
    Gen<AutoscalerSpec.Builder> builders = r -> {
      int min = r.nextInt(4);
      AutoscalerSpec.Builder b = AutoscalerSpec.builder()
          .minReplicas(min)
          .maxReplicas(Math.max(1, min) + r.nextInt(40))
          .queueDepthPerReplica(1 + r.nextInt(20))
          .startupSeconds(15 * (1 + r.nextInt(16)))
          .expectedGrowthPerMinute(r.nextInt(4) * 0.05)
          .scaleUpTolerance(0.05 + r.nextInt(4) * 0.05)
          .scaleDownTolerance(0.2 + r.nextInt(3) * 0.1)
          .scaleDownStabilisationSeconds(60 * (1 + r.nextInt(6)))
          .scaleDownDelayAfterScaleUpSeconds(60 * r.nextInt(12))
          .scaleDownStep(1 + r.nextInt(3))
          .scaleDownPeriodSeconds(15 * (1 + r.nextInt(8)));
      if (r.nextBoolean()) {
        b.kvCacheUtilisation(0.5 + r.nextInt(5) * 0.1).kvCacheCapacityPerReplica(1000);
      }
      return b;
    };
    // Thresholds that cross are rejected by the spec; draw again.
    return builders.map(b -> {
      try {
        return b.build();
      } catch (IllegalArgumentException e) {
        return null;
      }
    }).filter(s -> s != null);
  }

  /** A load that wanders, bursts and falls silent, with KV cache following the queue. */
  public static Gen<List<MetricSample>> randomSeries(int samples) {
    return r -> {
      List<MetricSample> out = new ArrayList<>();
      double load = r.nextInt(100);
      for (int i = 0; i < samples; i++) {
        int mode = r.nextInt(20);
        if (mode == 0) {
          load = r.nextInt(400);
        } else if (mode == 1) {
          load = 0;
        } else {
          load = Math.max(0, load + (r.nextDouble() - 0.5) * 20);
        }
        out.add(MetricSample.builder().timeSeconds(i * INTERVAL).queueDepth(load).kvCacheInUse(load * 100).build());
      }
      return out;
    };
  }

  /** {@code before} waiting requests until {@code stepAt}, then {@code after}. */
  public static List<MetricSample> step(double before, double after, double stepAt, int samples) {
    List<MetricSample> out = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      double t = i * INTERVAL;
      double q = t < stepAt ? before : after;
      out.add(MetricSample.builder().timeSeconds(t).queueDepth(q).kvCacheInUse(q * 100).build());
    }
    return out;
  }

  /** A flat load {@code mean} with uniform relative noise of at most {@code amplitude}. */
  public static Gen<List<MetricSample>> noisyFlat(double mean, double amplitude, int samples) {
    return r -> {
      List<MetricSample> out = new ArrayList<>();
      for (int i = 0; i < samples; i++) {
        double q = mean * (1 + amplitude * (2 * r.nextDouble() - 1));
        out.add(MetricSample.builder().timeSeconds(i * INTERVAL).queueDepth(q).kvCacheInUse(q * 100).build());
      }
      return out;
    };
  }
}
