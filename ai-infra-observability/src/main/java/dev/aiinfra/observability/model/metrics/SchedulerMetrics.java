package dev.aiinfra.observability.model.metrics;

import static dev.aiinfra.observability.model.metrics.MetricSource.KUBE_SCHEDULER;

import java.util.List;

/** kube-scheduler metrics ({@code pkg/scheduler/metrics/metrics.go}, 1.36). */
public final class SchedulerMetrics {
  private SchedulerMetrics() {}

  /** Pending pods per {@code queue} (active, backoff, unschedulable, gated). STABLE. */
  public static final Metric PENDING_PODS = Metric.gauge(KUBE_SCHEDULER, "scheduler_pending_pods", "queue");
  /** Scheduling attempts by {@code result} (scheduled, unschedulable, error). STABLE. */
  public static final Metric SCHEDULE_ATTEMPTS = Metric.counter(KUBE_SCHEDULER, "scheduler_schedule_attempts_total", "result", "profile");
  /** Unschedulable pods by the {@code plugin} that refused them. BETA in 1.36. */
  public static final Metric UNSCHEDULABLE_PODS = Metric.gauge(KUBE_SCHEDULER, "scheduler_unschedulable_pods", "plugin", "profile");
  /** Pod-group (gang) scheduling attempts by {@code result}; ALPHA, 1.36, gate GenericWorkload (KEP-4671). */
  public static final Metric PODGROUP_SCHEDULE_ATTEMPTS = Metric.counter(KUBE_SCHEDULER, "scheduler_podgroup_schedule_attempts_total", "result", "profile");
  /** Pod-group scheduling attempt latency; ALPHA, 1.36, gate GenericWorkload. */
  public static final Metric PODGROUP_ATTEMPT_DURATION = Metric.histogram(KUBE_SCHEDULER, "scheduler_podgroup_scheduling_attempt_duration_seconds",
      "result", "profile");
  /** Time in Permit (where gang members wait for each other). BETA in 1.36. */
  public static final Metric PERMIT_WAIT_DURATION = Metric.histogram(KUBE_SCHEDULER, "scheduler_permit_wait_duration_seconds", "result");

  public static final List<Metric> ALL = List.of(PENDING_PODS, SCHEDULE_ATTEMPTS, UNSCHEDULABLE_PODS, PODGROUP_SCHEDULE_ATTEMPTS,
      PODGROUP_ATTEMPT_DURATION, PERMIT_WAIT_DURATION);
}
