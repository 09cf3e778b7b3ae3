package dev.aiinfra.observability.model.autoscale;

import java.util.Locale;
import java.util.Optional;

/** Which controller turns the serving signals into replicas: KEDA, or prometheus-adapter feeding a plain HPA. */
public enum ScalerKind {
  KEDA("keda"),
  PROMETHEUS_ADAPTER("prometheus-adapter");

  private final String id;

  ScalerKind(String id) {
    this.id = id;
  }

  /** The CLI's name. */
  public String id() {
    return id;
  }

  public static Optional<ScalerKind> byId(String id) {
    for (ScalerKind k : values()) {
      if (k.id.equals(id.toLowerCase(Locale.ROOT))) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
