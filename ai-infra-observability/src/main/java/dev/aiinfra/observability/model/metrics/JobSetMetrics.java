package dev.aiinfra.observability.model.metrics;

import static dev.aiinfra.observability.model.metrics.MetricSource.JOBSET;

import java.util.List;

/** JobSet controller metrics ({@code pkg/metrics/metrics.go}, subsystem {@code jobset}): only these two. */
public final class JobSetMetrics {
  private JobSetMetrics() {}

  public static final Metric FAILED = Metric.counter(JOBSET, "jobset_failed_total", "jobset_name", "namespace");
  public static final Metric COMPLETED = Metric.counter(JOBSET, "jobset_completed_total", "jobset_name", "namespace");

  public static final List<Metric> ALL = List.of(FAILED, COMPLETED);
}
