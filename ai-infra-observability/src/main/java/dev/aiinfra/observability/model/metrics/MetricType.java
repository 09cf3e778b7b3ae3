package dev.aiinfra.observability.model.metrics;

/** The Prometheus metric type, which decides the series names a query may use. */
public enum MetricType {
  GAUGE,
  /** Exposed with its {@code _total} name (the catalog holds the exposed name). */
  COUNTER,
  /** Exposed as {@code _bucket}, {@code _sum} and {@code _count} series. */
  HISTOGRAM
}
