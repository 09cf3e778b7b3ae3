package dev.aiinfra.observability.policy;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import dev.aiinfra.observability.model.workload.PodLabels;
import dev.aiinfra.observability.model.workload.PodSlice;
import dev.aiinfra.observability.model.workload.TargetLabels;
import dev.aiinfra.observability.model.workload.WorkloadKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Selectors for a slice of a workload's pods (all, one pod index, one group, one role): the PromQL
 * series selector over the target labels {@link WorkloadMonitors} writes, and the {@code kubectl
 * logs -l} label selector over the controllers' pod labels. Both pick the same pods.
 */
public final class PodSelectors {
  private static final Pattern INDEX = Pattern.compile("[0-9]+");
  private static final Pattern TWO_LEVEL = Pattern.compile("([0-9]+)-([0-9]+)");

  private PodSelectors() {}

  /** {@code {namespace="…", workload="…", pod_index="1-3"}}: the series of that slice's pods. */
  public static String promql(MonitoredWorkload w, PodSlice slice) {
    Map<String, String> m = new TreeMap<>();
    m.put("namespace", w.namespace());
    m.put(TargetLabels.WORKLOAD, w.name());
    targetLabels(w, slice).forEach(m::put);
    List<String> parts = new ArrayList<>();
    m.forEach((k, v) -> parts.add(k + "=\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
    return "{" + String.join(", ", parts) + "}";
  }

  /** The target labels (beyond namespace and workload) that pick {@code slice}. */
  public static Map<String, String> targetLabels(MonitoredWorkload w, PodSlice slice) {
    check(w, slice);
    return switch (slice.part()) {
      case ALL -> Map.of();
      case INDEX -> Map.of(TargetLabels.POD_INDEX, slice.value());
      case GROUP -> Map.of(TargetLabels.GROUP, slice.value());
      case ROLE -> Map.of(TargetLabels.ROLE, slice.value());
    };
  }

  /** The {@code kubectl logs -l} / {@code kubectl get pods -l} selector of {@code slice}, keys sorted. */
  public static String kubectl(MonitoredWorkload w, PodSlice slice) {
    check(w, slice);
    Map<String, String> eq = new TreeMap<>(w.podSelector());
    List<String> extra = new ArrayList<>();
    switch (slice.part()) {
      case ALL -> { }
      case INDEX -> {
        switch (w.kind()) {
          case STATEFUL_SET -> eq.put(PodLabels.STATEFULSET_POD_INDEX, slice.value());
          case INDEXED_JOB -> eq.put(PodLabels.JOB_COMPLETION_INDEX, slice.value());
          case JOBSET -> {
            java.util.regex.Matcher m = TWO_LEVEL.matcher(slice.value());
            m.matches();
            eq.put(PodLabels.JOBSET_JOB_GLOBAL_INDEX, m.group(1));
            eq.put(PodLabels.JOB_COMPLETION_INDEX, m.group(2));
          }
          default -> {
            java.util.regex.Matcher m = TWO_LEVEL.matcher(slice.value());
            m.matches();
            eq.put(PodLabels.LWS_GROUP_INDEX, m.group(1));
            eq.put(PodLabels.LWS_WORKER_INDEX, m.group(2));
          }
        }
      }
      case GROUP -> eq.put(w.kind() == WorkloadKind.JOBSET ? PodLabels.JOBSET_JOB_GLOBAL_INDEX : PodLabels.LWS_GROUP_INDEX, slice.value());
      case ROLE -> {
        switch (w.kind()) {
          case JOBSET -> eq.put(PodLabels.JOBSET_REPLICATED_JOB, slice.value());
          case DISAGGREGATED_SET -> eq.put(PodLabels.DS_ROLE, slice.value());
          default -> {
            if (slice.value().equals(WorkloadMonitors.LEADER)) {
              eq.put(PodLabels.LWS_WORKER_INDEX, "0");
            } else {
              extra.add(PodLabels.LWS_WORKER_INDEX + "!=0");
            }
          }
        }
      }
    }
    List<String> parts = new ArrayList<>();
    eq.forEach((k, v) -> parts.add(k + "=" + v));
    parts.addAll(extra);
    return String.join(",", parts);
  }

  private static void check(MonitoredWorkload w, PodSlice slice) {
    String problem = switch (slice.part()) {
      case ALL -> null;
      case INDEX -> switch (w.kind()) {
        case STATEFUL_SET, INDEXED_JOB -> INDEX.matcher(slice.value()).matches() ? null : "must be a pod index such as 3";
        case JOBSET, LEADER_WORKER_SET, DISAGGREGATED_SET -> TWO_LEVEL.matcher(slice.value()).matches() ? null
            : "must be <group>-<worker> such as 1-3 (a " + w.kind().kind() + " numbers pods in two levels)";
        case SANDBOX, DEPLOYMENT -> "a " + w.kind().kind() + "'s pods have no index; select the workload or use the pod name";
      };
      case GROUP -> switch (w.kind()) {
        case JOBSET, LEADER_WORKER_SET, DISAGGREGATED_SET -> INDEX.matcher(slice.value()).matches() ? null : "must be a group index such as 2";
        default -> "a " + w.kind().kind() + " has no groups";
      };
      case ROLE -> switch (w.kind()) {
        case LEADER_WORKER_SET -> slice.value().equals(WorkloadMonitors.LEADER) || slice.value().equals(WorkloadMonitors.WORKER) ? null
            : "must be leader or worker";
        case JOBSET, DISAGGREGATED_SET -> slice.value().isBlank() ? "must name a role" : null;
        default -> "a " + w.kind().kind() + " has no roles";
      };
    };
    if (problem != null) {
      throw new InvalidSpecException(List.of(FieldViolation.invalid(FieldPath.of(slice.part().name().toLowerCase(java.util.Locale.ROOT)), slice.value(),
          problem)));
    }
  }
}
