package dev.aiinfra.observability.model.metrics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every metric the SDK's rules may read, across exporters: the union of the per-exporter catalogs.
 * A rendered expression that names a series not found here (nor recorded by another rule) is a bug.
 */
public final class MetricCatalog {
  private static final Map<String, Metric> BY_SERIES = index();

  private MetricCatalog() {}

  /** Every catalogued metric. */
  public static List<Metric> all() {
    return Stream.of(DcgmMetrics.ALL, KubeStateMetrics.ALL, SchedulerMetrics.ALL, KueueMetrics.ALL, JobSetMetrics.ALL)
        .flatMap(List::stream).toList();
  }

  /** The metric a series name belongs to ({@code X_bucket} → histogram {@code X}). */
  public static Optional<Metric> bySeries(String series) {
    return Optional.ofNullable(BY_SERIES.get(series));
  }

  private static Map<String, Metric> index() {
    Map<String, Metric> m = new TreeMap<>();
    for (Metric metric : all()) {
      metric.seriesNames().forEach(s -> m.put(s, metric));
    }
    return m;
  }
}
