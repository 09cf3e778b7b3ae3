package dev.aiinfra.observability.model.metrics;

import java.util.List;
import java.util.Set;

/**
 * One metric as its exporter exposes it: the exact name, type, source and the labels it carries
 * (beyond the target labels Prometheus adds).
 */
public record Metric(String name, MetricType type, MetricSource source, List<String> labels) {
  public Metric {
    labels = List.copyOf(labels);
  }

  public static Metric gauge(MetricSource source, String name, String... labels) {
    return new Metric(name, MetricType.GAUGE, source, List.of(labels));
  }

  public static Metric counter(MetricSource source, String name, String... labels) {
    return new Metric(name, MetricType.COUNTER, source, List.of(labels));
  }

  public static Metric histogram(MetricSource source, String name, String... labels) {
    return new Metric(name, MetricType.HISTOGRAM, source, List.of(labels));
  }

  /** The series names a query may use: the name, or a histogram's {@code _bucket}, {@code _sum}, {@code _count}. */
  public Set<String> seriesNames() {
    return type == MetricType.HISTOGRAM ? Set.of(name + "_bucket", name + "_sum", name + "_count") : Set.of(name);
  }

  /** {@code name} of a histogram's bucket series. */
  public String bucket() {
    return name + "_bucket";
  }

  /** {@code name} of a histogram's count series. */
  public String count() {
    return name + "_count";
  }

  /** {@code name} of a histogram's sum series. */
  public String sum() {
    return name + "_sum";
  }

  @Override
  public String toString() {
    return name;
  }
}
