package dev.aiinfra.core.model.index;

/**
 * Label, annotation and environment-variable names that carry a pod's position in its workload
 * (DOMAIN.md {@code domain/crd-facts.md} §1, §2, §10).
 */
public final class PodIndexKeys {
  // Kubernetes (KEP-4017, Indexed Job KEP-2214)
  /** StatefulSet ordinal, label; beta 1.28, GA 1.32. */
  public static final String STATEFULSET_POD_INDEX = "apps.kubernetes.io/pod-index";
  public static final String STATEFULSET_POD_NAME = "statefulset.kubernetes.io/pod-name";
  public static final String CONTROLLER_REVISION_HASH = "controller-revision-hash";
  /** Indexed Job completion index: an annotation since 1.21 and a label since 1.28 (GA 1.32). */
  public static final String JOB_COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";
  public static final String JOB_NAME = "batch.kubernetes.io/job-name";
  public static final String JOB_CONTROLLER_UID = "batch.kubernetes.io/controller-uid";
  public static final String ENV_JOB_COMPLETION_INDEX = "JOB_COMPLETION_INDEX";

  // LeaderWorkerSet (leaderworkerset.x-k8s.io/v1)
  public static final String LWS_NAME = "leaderworkerset.sigs.k8s.io/name";
  public static final String LWS_GROUP_INDEX = "leaderworkerset.sigs.k8s.io/group-index";
  public static final String LWS_WORKER_INDEX = "leaderworkerset.sigs.k8s.io/worker-index";
  public static final String LWS_GROUP_KEY = "leaderworkerset.sigs.k8s.io/group-key";
  public static final String LWS_TEMPLATE_REVISION_HASH = "leaderworkerset.sigs.k8s.io/template-revision-hash";
  public static final String LWS_SUBGROUP_INDEX = "leaderworkerset.sigs.k8s.io/subgroup-index";
  public static final String LWS_SUBGROUP_KEY = "leaderworkerset.sigs.k8s.io/subgroup-key";
  /** Annotation with the group size. */
  public static final String LWS_SIZE = "leaderworkerset.sigs.k8s.io/size";
  public static final String LWS_LEADER_NAME = "leaderworkerset.sigs.k8s.io/leader-name";
  public static final String LWS_EXCLUSIVE_TOPOLOGY = "leaderworkerset.sigs.k8s.io/exclusive-topology";
  public static final String LWS_SUBGROUP_EXCLUSIVE_TOPOLOGY = "leaderworkerset.sigs.k8s.io/subgroup-exclusive-topology";
  public static final String ENV_LWS_LEADER_ADDRESS = "LWS_LEADER_ADDRESS";
  public static final String ENV_LWS_GROUP_SIZE = "LWS_GROUP_SIZE";
  public static final String ENV_LWS_WORKER_INDEX = "LWS_WORKER_INDEX";

  // JobSet (jobset.x-k8s.io/v1alpha2): each key is both a label and an annotation
  public static final String JOBSET_NAME = "jobset.sigs.k8s.io/jobset-name";
  public static final String JOBSET_REPLICATED_JOB_NAME = "jobset.sigs.k8s.io/replicatedjob-name";
  public static final String JOBSET_REPLICATED_JOB_REPLICAS = "jobset.sigs.k8s.io/replicatedjob-replicas";
  public static final String JOBSET_GLOBAL_REPLICAS = "jobset.sigs.k8s.io/global-replicas";
  public static final String JOBSET_JOB_INDEX = "jobset.sigs.k8s.io/job-index";
  public static final String JOBSET_JOB_GLOBAL_INDEX = "jobset.sigs.k8s.io/job-global-index";
  public static final String JOBSET_JOB_KEY = "jobset.sigs.k8s.io/job-key";
  public static final String JOBSET_RESTART_ATTEMPT = "jobset.sigs.k8s.io/restart-attempt";
  public static final String JOBSET_GROUP_NAME = "jobset.sigs.k8s.io/group-name";
  public static final String JOBSET_EXCLUSIVE_TOPOLOGY = "alpha.jobset.sigs.k8s.io/exclusive-topology";

  private PodIndexKeys() {}
}
