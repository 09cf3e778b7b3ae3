package dev.aiinfra.observability.policy;

import static dev.aiinfra.observability.model.workload.PodLabels.metaLabel;

import dev.aiinfra.observability.model.MonitoringOptions;
import dev.aiinfra.observability.model.monitor.MonitorKind;
import dev.aiinfra.observability.model.monitor.MonitorSpec;
import dev.aiinfra.observability.model.monitor.Relabeling;
import dev.aiinfra.observability.model.monitor.ScrapeEndpoint;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import dev.aiinfra.observability.model.workload.PodLabels;
import dev.aiinfra.observability.model.workload.TargetLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pod-index-aware monitor of one workload: a PodMonitor selecting exactly its pods (a
 * ServiceMonitor when a Service exposes the metrics port) whose relabelings turn the controllers'
 * pod labels (KEP-4017 pod-index / completion-index, LeaderWorkerSet group/worker index, JobSet
 * job indexes, DisaggregatedSet role) into the short target labels of {@link TargetLabels}.
 *
 * <p>Relabeling reads pod labels through Kubernetes SD's {@code __meta_kubernetes_pod_label_<k>},
 * {@code <k>} sanitised ({@link PodLabels#sanitise}). It has no arithmetic, so a two-level index is
 * the string {@code <group>-<worker>}.
 */
public final class WorkloadMonitors {
  private WorkloadMonitors() {}

  /** The monitor for {@code w}. */
  public static MonitorSpec monitor(MonitoredWorkload w, MonitoringOptions options) {
    boolean service = !w.serviceLabels().isEmpty();
    ScrapeEndpoint endpoint = ScrapeEndpoint.builder().port(w.metricsPort()).path(w.metricsPath()).relabelings(relabelings(w)).build();
    return MonitorSpec.builder()
        .kind(service ? MonitorKind.SERVICE_MONITOR : MonitorKind.POD_MONITOR)
        .name(w.name())
        .namespace(w.namespace())
        .labels(new TreeMap<>(options.objectLabels()))
        .selector(service ? new TreeMap<>(w.serviceLabels()) : w.sortedPodSelector())
        .addEndpoint(endpoint)
        .build();
  }

  /** The relabelings that write {@link TargetLabels} from the pod labels of {@code w}'s kind. */
  public static List<Relabeling> relabelings(MonitoredWorkload w) {
    List<Relabeling> r = new ArrayList<>();
    if (!w.serviceLabels().isEmpty()) {
      // A Service may select more pods than the workload's (a shared Service): keep only ours.
      for (Map.Entry<String, String> e : w.sortedPodSelector().entrySet()) {
        r.add(Relabeling.keepEqual(metaLabel(e.getKey()), e.getValue()));
      }
    }
    r.add(Relabeling.constant(TargetLabels.WORKLOAD, w.name()));
    r.add(Relabeling.constant(TargetLabels.WORKLOAD_KIND, w.kind().kind()));
    switch (w.kind()) {
      case JOBSET -> {
        r.add(Relabeling.copy(metaLabel(PodLabels.JOBSET_REPLICATED_JOB), TargetLabels.ROLE));
        r.add(Relabeling.copy(metaLabel(PodLabels.JOBSET_JOB_GLOBAL_INDEX), TargetLabels.GROUP));
        r.add(Relabeling.copy(metaLabel(PodLabels.JOB_COMPLETION_INDEX), TargetLabels.WORKER));
        r.add(Relabeling.join(List.of(metaLabel(PodLabels.JOBSET_JOB_GLOBAL_INDEX), metaLabel(PodLabels.JOB_COMPLETION_INDEX)), "-",
            TargetLabels.POD_INDEX));
        r.add(Relabeling.copy(metaLabel(PodLabels.JOBSET_RESTART_ATTEMPT), TargetLabels.RESTART_ATTEMPT));
      }
      case LEADER_WORKER_SET, DISAGGREGATED_SET -> {
        r.add(Relabeling.copy(metaLabel(PodLabels.LWS_GROUP_INDEX), TargetLabels.GROUP));
        r.add(Relabeling.copy(metaLabel(PodLabels.LWS_WORKER_INDEX), TargetLabels.WORKER));
        r.add(Relabeling.join(List.of(metaLabel(PodLabels.LWS_GROUP_INDEX), metaLabel(PodLabels.LWS_WORKER_INDEX)), "-", TargetLabels.POD_INDEX));
        if (w.kind() == dev.aiinfra.observability.model.workload.WorkloadKind.DISAGGREGATED_SET) {
          r.add(Relabeling.copy(metaLabel(PodLabels.DS_ROLE), TargetLabels.ROLE));
        } else {
          r.add(Relabeling.setWhen(metaLabel(PodLabels.LWS_WORKER_INDEX), "0", TargetLabels.ROLE, LEADER));
          r.add(Relabeling.setWhen(metaLabel(PodLabels.LWS_WORKER_INDEX), "[1-9][0-9]*", TargetLabels.ROLE, WORKER));
        }
      }
      case STATEFUL_SET -> r.add(Relabeling.copy(metaLabel(PodLabels.STATEFULSET_POD_INDEX), TargetLabels.POD_INDEX));
      case INDEXED_JOB -> r.add(Relabeling.copy(metaLabel(PodLabels.JOB_COMPLETION_INDEX), TargetLabels.POD_INDEX));
      case SANDBOX, DEPLOYMENT -> {
        // No pod index: one pod (Sandbox) or interchangeable replicas (Deployment).
      }
    }
    return r;
  }

  /** Why the monitor is what it is, for the plan's "what and why". */
  public static String why(MonitoredWorkload w) {
    String what = w.serviceLabels().isEmpty() ? "PodMonitor on container port " + w.metricsPort() : "ServiceMonitor on Service port " + w.metricsPort();
    String labels = switch (w.kind()) {
      case JOBSET -> "role=replicatedJob, group=job-global-index, worker=completion index, pod_index=<group>-<worker>, restart_attempt";
      case LEADER_WORKER_SET -> "group=group-index, worker=worker-index, pod_index=<group>-<worker>, role=leader|worker";
      case DISAGGREGATED_SET -> "role=DisaggregatedSet role, group=group-index, worker=worker-index, pod_index=<group>-<worker>";
      case STATEFUL_SET -> "pod_index=apps.kubernetes.io/pod-index";
      case INDEXED_JOB -> "pod_index=batch.kubernetes.io/job-completion-index";
      case SANDBOX, DEPLOYMENT -> "no pod index";
    };
    return what + " selecting " + w.sortedPodSelector() + "; writes workload, workload_kind, " + labels;
  }

  /**
   * Label keys of the workload's selector that sanitise to the same Prometheus label name as another
   * key the monitor reads: service discovery keeps one of them only.
   */
  static List<dev.aiinfra.core.model.Diagnostic> collisions(MonitoredWorkload w) {
    Map<String, String> bySanitised = new TreeMap<>();
    List<dev.aiinfra.core.model.Diagnostic> out = new ArrayList<>();
    List<String> keys = new ArrayList<>(w.sortedPodSelector().keySet());
    keys.addAll(List.of(PodLabels.JOBSET_REPLICATED_JOB, PodLabels.JOBSET_JOB_GLOBAL_INDEX, PodLabels.JOB_COMPLETION_INDEX,
        PodLabels.JOBSET_RESTART_ATTEMPT, PodLabels.LWS_GROUP_INDEX, PodLabels.LWS_WORKER_INDEX, PodLabels.DS_ROLE, PodLabels.STATEFULSET_POD_INDEX));
    for (String k : keys) {
      String previous = bySanitised.putIfAbsent(PodLabels.sanitise(k), k);
      if (previous != null && !previous.equals(k)) {
        out.add(dev.aiinfra.core.model.Diagnostic.builder().code(dev.aiinfra.observability.model.ObservabilityCode.MONITOR_LABEL_COLLISION)
            .severity(dev.aiinfra.core.model.Severity.WARNING).path(w.kind().kind() + " " + w.namespace() + "/" + w.name())
            .message("pod labels " + previous + " and " + k + " both become " + PodLabels.metaLabel(k) + " in Prometheus service discovery; only one survives")
            .hint("rename one of the two labels").build());
      }
    }
    return out;
  }

  /** The role of a LeaderWorkerSet's leader pod (worker index 0). */
  public static final String LEADER = "leader";

  /** The role of a LeaderWorkerSet's other pods. */
  public static final String WORKER = "worker";
}
