package dev.aiinfra.serving.model.autoscale;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * One scrape of the serving fleet: requests waiting in the engines' queues (vLLM's
 * {@code num_requests_waiting}, summed), KV-cache blocks or tokens in use (summed), and the
 * observed TTFT / TPOT (e.g. p90 over the last interval). Sums do not depend on how many replicas
 * there are, so a simulation can replay them against any fleet size.
 */
@Value.Immutable
public abstract class MetricSample {
  /** Seconds since the start of the series. */
  public abstract double timeSeconds();

  @Value.Default
  public double queueDepth() {
    return 0;
  }

  /** KV-cache in use across the fleet, in the unit of {@code AutoscalerSpec.kvCacheCapacityPerReplica}. */
  @Value.Default
  public double kvCacheInUse() {
    return 0;
  }

  public abstract OptionalDouble ttftMs();

  public abstract OptionalDouble tpotMs();

  public static Builder builder() {
    return new Builder();
  }

  public static MetricSample queue(double time, double queueDepth) {
    return builder().timeSeconds(time).queueDepth(queueDepth).build();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (!(timeSeconds() >= 0) || Double.isInfinite(timeSeconds())) {
      v.invalid(FieldPath.of("timeSeconds"), timeSeconds(), "must be a finite, non-negative number of seconds");
    }
    if (!(queueDepth() >= 0) || Double.isInfinite(queueDepth())) {
      v.invalid(FieldPath.of("queueDepth"), queueDepth(), "must be a finite, non-negative number");
    }
    if (!(kvCacheInUse() >= 0) || Double.isInfinite(kvCacheInUse())) {
      v.invalid(FieldPath.of("kvCacheInUse"), kvCacheInUse(), "must be a finite, non-negative number");
    }
    ttftMs().ifPresent(x -> {
      if (!(x >= 0) || Double.isInfinite(x)) {
        v.invalid(FieldPath.of("ttftMs"), x, "must be a finite, non-negative number");
      }
    });
    tpotMs().ifPresent(x -> {
      if (!(x >= 0) || Double.isInfinite(x)) {
        v.invalid(FieldPath.of("tpotMs"), x, "must be a finite, non-negative number");
      }
    });
    v.throwIfAny();
  }

  /** Builder for {@link MetricSample}. */
  public static final class Builder extends ImmutableMetricSample.Builder {}
}
