package dev.aiinfra.serving.model.pd;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.OptionalDouble;
import org.immutables.value.Value;

/**
 * Latency objectives a configuration must meet, in milliseconds: time to first token, time per
 * output token, and optionally the whole request. AIConfigurator's defaults apply when a limit is
 * not given (TTFT 2000 ms, TPOT 30 ms); with a request-latency limit TPOT is left free unless given.
 */
@Value.Immutable
public abstract class ServingSla implements WithServingSla {
  public static final double DEFAULT_TTFT_MS = 2000;
  public static final double DEFAULT_TPOT_MS = 30;

  @Value.Default
  public double ttftMs() {
    return DEFAULT_TTFT_MS;
  }

  /** TPOT limit; infinite when only a request-latency limit is set. */
  @Value.Default
  public double tpotMs() {
    return requestLatencyMs().isPresent() ? Double.POSITIVE_INFINITY : DEFAULT_TPOT_MS;
  }

  public abstract OptionalDouble requestLatencyMs();

  public static Builder builder() {
    return new Builder();
  }

  public static ServingSla of(double ttftMs, double tpotMs) {
    return builder().ttftMs(ttftMs).tpotMs(tpotMs).build();
  }

  /** True when a configuration with these latencies meets every limit. */
  public boolean isMetBy(double ttft, double tpot, double requestLatency) {
    return ttft <= ttftMs() && tpot <= tpotMs() && (requestLatencyMs().isEmpty() || requestLatency <= requestLatencyMs().getAsDouble());
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (!(ttftMs() > 0)) {
      v.invalid(FieldPath.of("ttftMs"), ttftMs(), "must be a positive number of milliseconds");
    }
    if (!(tpotMs() > 0)) {
      v.invalid(FieldPath.of("tpotMs"), tpotMs(), "must be a positive number of milliseconds");
    }
    requestLatencyMs().ifPresent(r -> {
      if (!(r > 0) || Double.isInfinite(r)) {
        v.invalid(FieldPath.of("requestLatencyMs"), r, "must be a positive number of milliseconds");
      }
    });
    v.throwIfAny();
  }

  /** Builder for {@link ServingSla}. */
  public static final class Builder extends ImmutableServingSla.Builder {}
}
