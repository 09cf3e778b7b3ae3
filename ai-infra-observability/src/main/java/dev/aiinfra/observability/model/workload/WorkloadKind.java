package dev.aiinfra.observability.model.workload;

/** The workload kinds the SDK renders or reads, for which it knows the pod labels. */
public enum WorkloadKind {
  /** JobSet (jobset.x-k8s.io/v1alpha2): Jobs per replicatedJob, each an Indexed Job. */
  JOBSET("JobSet"),
  /** LeaderWorkerSet (leaderworkerset.x-k8s.io/v1): groups of one leader and workers. */
  LEADER_WORKER_SET("LeaderWorkerSet"),
  /** StatefulSet: pods numbered by {@code apps.kubernetes.io/pod-index} (KEP-4017). */
  STATEFUL_SET("StatefulSet"),
  /** Indexed Job: pods numbered by {@code batch.kubernetes.io/job-completion-index} (KEP-4017). */
  INDEXED_JOB("Job"),
  /** llm-d DisaggregatedSet (disaggregatedset.x-k8s.io/v1): one LeaderWorkerSet per role (prefill, decode). */
  DISAGGREGATED_SET("DisaggregatedSet"),
  /** agent-sandbox Sandbox (agents.x-k8s.io): one pod, selected by the sandbox name hash. */
  SANDBOX("Sandbox"),
  /** Deployment: no pod index; pods selected by the Deployment's selector. */
  DEPLOYMENT("Deployment");

  private final String kind;

  WorkloadKind(String kind) {
    this.kind = kind;
  }

  /** The Kubernetes kind. */
  public String kind() {
    return kind;
  }
}
