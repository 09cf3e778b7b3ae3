package dev.aiinfra.observability.model.metrics;

import static dev.aiinfra.observability.model.metrics.MetricSource.KUBE_STATE_METRICS;

import java.util.List;

/**
 * kube-state-metrics v2 pod metrics ({@code docs/metrics/workload/pod-metrics.md}). {@code
 * kube_pod_labels} carries {@code label_<sanitised key>} only for keys allowed by
 * {@code --metric-labels-allowlist=pods=[…]}.
 */
public final class KubeStateMetrics {
  private KubeStateMetrics() {}

  /** 1 per pod, with {@code label_*} for allow-listed pod labels. */
  public static final Metric POD_LABELS = Metric.gauge(KUBE_STATE_METRICS, "kube_pod_labels", "namespace", "pod", "uid");
  /** 1 for the pod's current phase. */
  public static final Metric POD_STATUS_PHASE = Metric.gauge(KUBE_STATE_METRICS, "kube_pod_status_phase", "namespace", "pod", "uid", "phase");
  /** Container restarts in place (the kubelet restarting a container in the same pod). */
  public static final Metric CONTAINER_RESTARTS = Metric.counter(KUBE_STATE_METRICS, "kube_pod_container_status_restarts_total",
      "namespace", "pod", "uid", "container");
  /** The reason of the container's last termination. */
  public static final Metric LAST_TERMINATED_REASON = Metric.gauge(KUBE_STATE_METRICS, "kube_pod_container_status_last_terminated_reason",
      "namespace", "pod", "uid", "container", "reason");
  /** The owner of the pod. */
  public static final Metric POD_OWNER = Metric.gauge(KUBE_STATE_METRICS, "kube_pod_owner", "namespace", "pod", "uid", "owner_kind", "owner_name");
  /** 1 for the pod's status reason ({@code reason} e.g. Evicted, NodeLost). */
  public static final Metric POD_STATUS_REASON = Metric.gauge(KUBE_STATE_METRICS, "kube_pod_status_reason", "namespace", "pod", "uid", "reason");

  public static final List<Metric> ALL = List.of(POD_LABELS, POD_STATUS_PHASE, CONTAINER_RESTARTS, LAST_TERMINATED_REASON, POD_OWNER,
      POD_STATUS_REASON);
}
