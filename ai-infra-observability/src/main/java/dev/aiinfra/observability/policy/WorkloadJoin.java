package dev.aiinfra.observability.policy;

import static dev.aiinfra.observability.policy.PromQl.anyOf;
import static dev.aiinfra.observability.policy.PromQl.quote;

import dev.aiinfra.observability.model.metrics.KubeStateMetrics;
import dev.aiinfra.observability.model.rules.RecordingRule;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import dev.aiinfra.observability.model.workload.PodLabels;
import dev.aiinfra.observability.model.workload.TargetLabels;
import dev.aiinfra.observability.model.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code pod:workload:info} recording rules: one series per pod of an input workload, value 1,
 * labelled {@code namespace}, {@code pod}, {@code workload}, {@code workload_kind} and, where the
 * kind has them, {@code group} and {@code role}. Exporters that know only the pod (dcgm-exporter,
 * kube-state-metrics' pod metrics) join on it with {@code * on (namespace, pod) group_left (…)}.
 *
 * <p>JobSet, LeaderWorkerSet and DisaggregatedSet pods are found through kube-state-metrics'
 * {@code kube_pod_labels} (their pod labels must be allow-listed); StatefulSet, Indexed Job,
 * Sandbox and Deployment pods through {@code kube_pod_owner}, which needs no allow-list. Each rule
 * is restricted to the input workloads' names, so two rules never claim one pod (a
 * LeaderWorkerSet's pods are also a StatefulSet's, a DisaggregatedSet's also a LeaderWorkerSet's),
 * which would make every join fail with "many-to-many matching".
 */
public final class WorkloadJoin {
  /** The recorded series. */
  public static final String INFO = "pod:workload:info";

  private WorkloadJoin() {}

  /** One rule per workload kind present, in kind order. */
  public static List<RecordingRule> rules(List<MonitoredWorkload> workloads) {
    Map<WorkloadKind, Set<String>> names = new EnumMap<>(WorkloadKind.class);
    for (MonitoredWorkload w : workloads) {
      names.computeIfAbsent(w.kind(), k -> new TreeSet<>()).add(w.name());
    }
    List<RecordingRule> rules = new ArrayList<>();
    names.forEach((kind, n) -> rules.add(RecordingRule.builder().record(INFO).expr(expr(kind, List.copyOf(n)))
        .putLabel(TargetLabels.WORKLOAD_KIND, kind.kind()).build()));
    return rules;
  }

  /** The kube-state-metrics pod label keys the joins read ({@code --metric-labels-allowlist=pods=[…]}); empty when none. */
  public static List<String> allowlist(List<MonitoredWorkload> workloads) {
    Set<String> keys = new TreeSet<>();
    for (MonitoredWorkload w : workloads) {
      switch (w.kind()) {
        case JOBSET -> keys.addAll(List.of(PodLabels.JOBSET_NAME, PodLabels.JOBSET_JOB_GLOBAL_INDEX, PodLabels.JOBSET_REPLICATED_JOB,
            PodLabels.JOBSET_RESTART_ATTEMPT));
        case LEADER_WORKER_SET -> keys.addAll(List.of(PodLabels.LWS_NAME, PodLabels.LWS_GROUP_INDEX, PodLabels.LWS_WORKER_INDEX));
        case DISAGGREGATED_SET -> keys.addAll(List.of(PodLabels.DS_NAME, PodLabels.DS_ROLE, PodLabels.LWS_GROUP_INDEX));
        default -> { }
      }
    }
    return List.copyOf(keys);
  }

  static String expr(WorkloadKind kind, List<String> names) {
    String labels = KubeStateMetrics.POD_LABELS.name();
    String owner = KubeStateMetrics.POD_OWNER.name();
    return switch (kind) {
      case JOBSET -> {
        String name = PodLabels.ksmLabel(PodLabels.JOBSET_NAME);
        String group = PodLabels.ksmLabel(PodLabels.JOBSET_JOB_GLOBAL_INDEX);
        String role = PodLabels.ksmLabel(PodLabels.JOBSET_REPLICATED_JOB);
        yield shortLabels(relabel(relabel(relabel("max by (namespace, pod, " + name + ", " + group + ", " + role + ") (" + labels + "{" + name + "=~"
            + quote(anyOf(names)) + "})", TargetLabels.WORKLOAD, name), TargetLabels.GROUP, group), TargetLabels.ROLE, role), true, true);
      }
      case LEADER_WORKER_SET -> {
        String name = PodLabels.ksmLabel(PodLabels.LWS_NAME);
        String group = PodLabels.ksmLabel(PodLabels.LWS_GROUP_INDEX);
        String worker = PodLabels.ksmLabel(PodLabels.LWS_WORKER_INDEX);
        String base = relabel(relabel("max by (namespace, pod, " + name + ", " + group + ", " + worker + ") (" + labels + "{" + name + "=~"
            + quote(anyOf(names)) + "})", TargetLabels.WORKLOAD, name), TargetLabels.GROUP, group);
        String roles = "label_replace(label_replace(" + base + ", \"role\", \"worker\", " + quote(worker) + ", \"[1-9][0-9]*\"), \"role\", \"leader\", "
            + quote(worker) + ", \"0\")";
        yield shortLabels(roles, true, true);
      }
      case DISAGGREGATED_SET -> {
        String name = PodLabels.ksmLabel(PodLabels.DS_NAME);
        String group = PodLabels.ksmLabel(PodLabels.LWS_GROUP_INDEX);
        String role = PodLabels.ksmLabel(PodLabels.DS_ROLE);
        yield shortLabels(relabel(relabel(relabel("max by (namespace, pod, " + name + ", " + group + ", " + role + ") (" + labels + "{" + name + "=~"
            + quote(anyOf(names)) + "})", TargetLabels.WORKLOAD, name), TargetLabels.GROUP, group), TargetLabels.ROLE, role), true, true);
      }
      case STATEFUL_SET, INDEXED_JOB, SANDBOX -> shortLabels(relabel("max by (namespace, pod, owner_name) (" + owner + "{owner_kind="
          + quote(kind.kind()) + ", owner_name=~" + quote(anyOf(names)) + "})", TargetLabels.WORKLOAD, "owner_name"), false, false);
      // A Deployment's pods are owned by its ReplicaSets, named <deployment>-<pod-template-hash>.
      case DEPLOYMENT -> shortLabels("label_replace(max by (namespace, pod, owner_name) (" + owner + "{owner_kind=\"ReplicaSet\", owner_name=~"
          + quote("(" + anyOf(names) + ")-[a-z0-9]+") + "}), \"workload\", \"$1\", \"owner_name\", " + quote("(" + anyOf(names) + ")-[a-z0-9]+") + ")",
          false, false);
    };
  }

  private static String relabel(String inner, String target, String source) {
    return "label_replace(" + inner + ", " + quote(target) + ", \"$1\", " + quote(source) + ", \"(.+)\")";
  }

  private static String shortLabels(String inner, boolean group, boolean role) {
    return "max by (namespace, pod, workload" + (group ? ", group" : "") + (role ? ", role" : "") + ") (" + inner + ")";
  }
}
