package dev.aiinfra.observability.model.metrics;

import java.util.List;
import java.util.Optional;

/**
 * A latency histogram an engine exposes, with its bucket upper bounds in seconds when the engine
 * fixes them. A latency SLI reads {@code <name>_bucket{le="<bound>"}}, so its threshold must be one
 * of these bounds (a bound that does not exist matches no series).
 *
 * @param metric the histogram as its catalog lists it
 * @param bounds the finite bucket bounds in ascending order; empty when not known
 */
public record EngineHistogram(Metric metric, List<Double> bounds) {
  public EngineHistogram {
    bounds = List.copyOf(bounds);
  }

  public String name() {
    return metric.name();
  }

  public String bucket() {
    return metric.bucket();
  }

  public String count() {
    return metric.count();
  }

  /** Whether the bucket bounds are known. */
  public boolean boundsKnown() {
    return !bounds.isEmpty();
  }

  /** Whether {@code seconds} is one of the bounds (to a microsecond). */
  public boolean hasBound(double seconds) {
    return bounds.stream().anyMatch(b -> Math.abs(b - seconds) < 1e-6);
  }

  /** The largest bound at or below {@code seconds}: the strictest threshold that still has a bucket. */
  public Optional<Double> boundAtOrBelow(double seconds) {
    Double best = null;
    for (double b : bounds) {
      if (b <= seconds + 1e-6) {
        best = b;
      }
    }
    return Optional.ofNullable(best);
  }
}
