package dev.aiinfra.core.model.index;

import java.util.Map;
import java.util.Optional;

/**
 * Reads a pod's position from its labels and annotations, and builds selectors for leaders and
 * workers. LeaderWorkerSet labels win over JobSet, JobSet over a bare Indexed Job, and a Job over a
 * StatefulSet; the Job completion index is read from the label (1.28+) and else from the
 * annotation (older pods are not relabelled).
 */
public final class PodIndex {
  private PodIndex() {}

  public static Optional<PodPosition> read(Map<String, String> labels, Map<String, String> annotations) {
    Optional<Integer> worker = integer(labels.get(PodIndexKeys.LWS_WORKER_INDEX));
    if (worker.isPresent()) {
      return Optional.of(
          PodPosition.builder()
              .source(PodPosition.Source.LEADER_WORKER_SET)
              .workload(Optional.ofNullable(labels.get(PodIndexKeys.LWS_NAME)))
              .group(integer(labels.get(PodIndexKeys.LWS_GROUP_INDEX)))
              .index(worker.get())
              .build());
    }
    Optional<Integer> completion = integer(labels.get(PodIndexKeys.JOB_COMPLETION_INDEX))
        .or(() -> integer(annotations.get(PodIndexKeys.JOB_COMPLETION_INDEX)));
    if (completion.isPresent() && labels.containsKey(PodIndexKeys.JOBSET_NAME)) {
      return Optional.of(
          PodPosition.builder()
              .source(PodPosition.Source.JOB_SET)
              .workload(labels.get(PodIndexKeys.JOBSET_NAME))
              .group(integer(labels.get(PodIndexKeys.JOBSET_JOB_GLOBAL_INDEX)))
              .index(completion.get())
              .build());
    }
    if (completion.isPresent()) {
      return Optional.of(
          PodPosition.builder()
              .source(PodPosition.Source.INDEXED_JOB)
              .workload(Optional.ofNullable(labels.get(PodIndexKeys.JOB_NAME)))
              .index(completion.get())
              .build());
    }
    Optional<Integer> ordinal = integer(labels.get(PodIndexKeys.STATEFULSET_POD_INDEX));
    if (ordinal.isPresent()) {
      String podName = labels.get(PodIndexKeys.STATEFULSET_POD_NAME);
      Optional<String> sts =
          Optional.ofNullable(podName)
              .filter(n -> n.lastIndexOf('-') > 0)
              .map(n -> n.substring(0, n.lastIndexOf('-')));
      return Optional.of(
          PodPosition.builder().source(PodPosition.Source.STATEFUL_SET).workload(sts).index(ordinal.get()).build());
    }
    return Optional.empty();
  }

  private static Optional<Integer> integer(String text) {
    if (text == null || text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 9) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(text));
  }

  /** The leader pods of every group of a LeaderWorkerSet (what its HPA selector picks). */
  public static LabelSelector lwsLeaders(String lws) {
    return LabelSelector.builder().putMatchLabel(PodIndexKeys.LWS_NAME, lws).putMatchLabel(PodIndexKeys.LWS_WORKER_INDEX, "0").build();
  }

  /** Every non-leader pod of a LeaderWorkerSet. */
  public static LabelSelector lwsWorkers(String lws) {
    return LabelSelector.builder()
        .putMatchLabel(PodIndexKeys.LWS_NAME, lws)
        .addMatchExpression(LabelSelector.Requirement.of(PodIndexKeys.LWS_WORKER_INDEX, LabelSelector.Operator.NotIn, "0"))
        .build();
  }

  /** All pods of one LWS group. */
  public static LabelSelector lwsGroup(String lws, int group) {
    return LabelSelector.builder()
        .putMatchLabel(PodIndexKeys.LWS_NAME, lws)
        .putMatchLabel(PodIndexKeys.LWS_GROUP_INDEX, Integer.toString(group))
        .build();
  }

  /** Completion index 0 of every job of a JobSet (optionally of one replicated job). */
  public static LabelSelector jobSetLeaders(String jobSet, Optional<String> replicatedJob) {
    LabelSelector.Builder b =
        LabelSelector.builder()
            .putMatchLabel(PodIndexKeys.JOBSET_NAME, jobSet)
            .putMatchLabel(PodIndexKeys.JOB_COMPLETION_INDEX, "0");
    replicatedJob.ifPresent(r -> b.putMatchLabel(PodIndexKeys.JOBSET_REPLICATED_JOB_NAME, r));
    return b.build();
  }

  /** Every pod of a JobSet but completion index 0 of each job. */
  public static LabelSelector jobSetWorkers(String jobSet, Optional<String> replicatedJob) {
    LabelSelector.Builder b =
        LabelSelector.builder()
            .putMatchLabel(PodIndexKeys.JOBSET_NAME, jobSet)
            .addMatchExpression(LabelSelector.Requirement.of(PodIndexKeys.JOB_COMPLETION_INDEX, LabelSelector.Operator.NotIn, "0"));
    replicatedJob.ifPresent(r -> b.putMatchLabel(PodIndexKeys.JOBSET_REPLICATED_JOB_NAME, r));
    return b.build();
  }

  /** Ordinal 0 of a StatefulSet, by the KEP-4017 pod-index label (pods created on 1.28+). */
  public static LabelSelector statefulSetLeader(Map<String, String> podSelector) {
    return LabelSelector.builder().putAllMatchLabels(podSelector).putMatchLabel(PodIndexKeys.STATEFULSET_POD_INDEX, "0").build();
  }

  /** Completion index 0 of an Indexed Job. */
  public static LabelSelector indexedJobLeader(String job) {
    return LabelSelector.builder().putMatchLabel(PodIndexKeys.JOB_NAME, job).putMatchLabel(PodIndexKeys.JOB_COMPLETION_INDEX, "0").build();
  }
}
