package dev.aiinfra.observability.model;

import java.util.Locale;
import java.util.Optional;

/** The families of monitors and rules a {@code MonitoringPlan} can generate ({@code observe render --with}). */
public enum Signal {
  /** dcgm-exporter ServiceMonitor, GPU alerts and per-gang/job/role GPU recording rules. */
  GPU,
  /** Gang pending past its timeout, unschedulable attempts, Kueue admission wait. */
  GANG,
  /** In-place container restarts vs JobSet recreations, recovery time. */
  RESTARTS,
  /** Serving SLO recording rules and burn-rate alerts (engine metrics). */
  SERVING,
  /** KEDA ScaledObject / prometheus-adapter rules from the autoscaler. */
  AUTOSCALING;

  /** The CLI spelling, lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Signal> parse(String text) {
    for (Signal s : values()) {
      if (s.wire().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
