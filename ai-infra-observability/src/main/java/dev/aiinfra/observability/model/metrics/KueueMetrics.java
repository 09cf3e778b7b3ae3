package dev.aiinfra.observability.model.metrics;

import static dev.aiinfra.observability.model.metrics.MetricSource.KUEUE;

import java.util.List;

/** Kueue metrics ({@code pkg/metrics/metrics.go}); every series also carries {@code replica_role}. */
public final class KueueMetrics {
  private KueueMetrics() {}

  /** Pending workloads per {@code cluster_queue} and {@code status} (active, inadmissible). */
  public static final Metric PENDING_WORKLOADS = Metric.gauge(KUEUE, "kueue_pending_workloads", "cluster_queue", "status", "replica_role");
  /** Time from creation to admission. */
  public static final Metric ADMISSION_WAIT_TIME = Metric.histogram(KUEUE, "kueue_admission_wait_time_seconds", "cluster_queue", "priority_class",
      "replica_role");
  /** Admitted workloads. */
  public static final Metric ADMITTED_WORKLOADS = Metric.counter(KUEUE, "kueue_admitted_workloads_total", "cluster_queue", "priority_class",
      "replica_role");
  /** Evictions by {@code reason} (Preempted, PodsReadyTimeout, …). */
  public static final Metric EVICTED_WORKLOADS = Metric.counter(KUEUE, "kueue_evicted_workloads_total", "cluster_queue", "reason",
      "underlying_cause", "priority_class", "replica_role");
  /** Local-queue pending workloads ({@code name}, {@code namespace}); beta, on by default from 0.17. */
  public static final Metric LOCAL_QUEUE_PENDING_WORKLOADS = Metric.gauge(KUEUE, "kueue_local_queue_pending_workloads", "name", "namespace",
      "status", "replica_role");

  public static final List<Metric> ALL = List.of(PENDING_WORKLOADS, ADMISSION_WAIT_TIME, ADMITTED_WORKLOADS, EVICTED_WORKLOADS,
      LOCAL_QUEUE_PENDING_WORKLOADS);
}
