package dev.aiinfra.observability.model.monitor;

/** The Prometheus Operator scrape object a {@link MonitorSpec} becomes. */
public enum MonitorKind {
  /** {@code PodMonitor}: selects pods directly; endpoints name container ports. */
  POD_MONITOR("PodMonitor"),
  /** {@code ServiceMonitor}: selects Services and scrapes their endpoints; endpoints name Service ports. */
  SERVICE_MONITOR("ServiceMonitor");

  private final String kind;

  MonitorKind(String kind) {
    this.kind = kind;
  }

  /** The Kubernetes kind. */
  public String kind() {
    return kind;
  }
}
