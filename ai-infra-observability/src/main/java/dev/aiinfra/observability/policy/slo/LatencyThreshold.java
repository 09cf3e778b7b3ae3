package dev.aiinfra.observability.policy.slo;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.observability.model.ObservabilityCode;
import dev.aiinfra.observability.model.metrics.EngineHistogram;
import java.util.Locale;
import java.util.Optional;

/**
 * The bucket bound a latency SLI counts "good" requests under. A histogram can only answer "how
 * many requests took at most {@code le}" for its own bounds, so a limit between two bounds is moved
 * down to the lower one (stricter, never laxer) and said so; a limit below the smallest bound
 * cannot be measured at all.
 *
 * @param seconds the bound the SLI uses; empty when the limit cannot be measured
 * @param note what was adjusted, if anything
 */
record LatencyThreshold(Optional<Double> seconds, Optional<Diagnostic> note) {
  static LatencyThreshold choose(String what, EngineHistogram h, double limitSeconds) {
    if (!h.boundsKnown()) {
      return new LatencyThreshold(Optional.of(limitSeconds), Optional.of(Diagnostic.builder().code(ObservabilityCode.SLO_BUCKETS_UNKNOWN.name())
          .severity(Severity.INFO)
          .message(fmt("%s SLI counts %s_bucket{le=\"%s\"}; the bucket bounds of %s are not in the catalog, so that bound is not checked",
              what, h.name(), BucketBound.le(limitSeconds), h.name()))
          .hint("check that the exporter's /metrics has a bucket with le=\"" + BucketBound.le(limitSeconds) + "\", or the SLI reads no series").build()));
    }
    if (h.hasBound(limitSeconds)) {
      return new LatencyThreshold(Optional.of(limitSeconds), Optional.empty());
    }
    Optional<Double> below = h.boundAtOrBelow(limitSeconds);
    if (below.isEmpty()) {
      return new LatencyThreshold(Optional.empty(), Optional.of(Diagnostic.builder().code(ObservabilityCode.SLO_THRESHOLD_BELOW_BUCKETS.name())
          .severity(Severity.ERROR)
          .message(fmt("the %s limit %s s is below %s's smallest bucket bound %s s, so no SLI or burn-rate alert can measure it; they are left out",
              what, BucketBound.le(limitSeconds), h.name(), BucketBound.le(h.bounds().get(0))))
          .hint("raise the limit to at least " + BucketBound.le(h.bounds().get(0)) + " s").build()));
    }
    double above = h.bounds().stream().filter(b -> b > limitSeconds).findFirst().orElse(Double.POSITIVE_INFINITY);
    return new LatencyThreshold(below, Optional.of(Diagnostic.builder().code(ObservabilityCode.SLO_THRESHOLD_NOT_A_BUCKET.name())
        .severity(Severity.WARNING)
        .message(fmt("the %s limit %s s is not a bucket bound of %s; the SLI counts requests under %s s instead, which is stricter",
            what, BucketBound.le(limitSeconds), h.name(), BucketBound.le(below.get())))
        .hint(fmt("set the limit to a bound (%s or %s s) to measure it exactly", BucketBound.le(below.get()),
            Double.isInfinite(above) ? "+Inf" : BucketBound.le(above)))
        .build()));
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
