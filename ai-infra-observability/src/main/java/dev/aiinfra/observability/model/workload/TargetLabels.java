package dev.aiinfra.observability.model.workload;

/**
 * The short target labels the SDK's relabelings write on every series of a monitored workload, and
 * which its rules, PromQL selectors and dashboards group by.
 */
public final class TargetLabels {
  private TargetLabels() {}

  /** The workload's name. */
  public static final String WORKLOAD = "workload";
  /** The workload's kind ({@code JobSet}, {@code LeaderWorkerSet}, …). */
  public static final String WORKLOAD_KIND = "workload_kind";
  /**
   * The pod's index in the workload: the StatefulSet ordinal, the completion index, or for
   * two-level workloads {@code <group>-<worker>} (relabeling has no arithmetic for a flat rank).
   */
  public static final String POD_INDEX = "pod_index";
  /** The gang unit: LWS group index, JobSet job global index. */
  public static final String GROUP = "group";
  /** The index within the group: LWS worker index, the Job completion index in a JobSet. */
  public static final String WORKER = "worker";
  /** {@code leader}/{@code worker} in a LeaderWorkerSet, the role ({@code prefill}/{@code decode}) of a DisaggregatedSet, the replicatedJob of a JobSet. */
  public static final String ROLE = "role";
  /** The JobSet restart attempt the pod belongs to (it rises when the JobSet recreates its Jobs). */
  public static final String RESTART_ATTEMPT = "restart_attempt";
}
