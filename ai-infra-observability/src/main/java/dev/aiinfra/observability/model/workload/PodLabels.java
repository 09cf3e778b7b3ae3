package dev.aiinfra.observability.model.workload;

/** The pod label keys controllers set and the monitors turn into short target labels (KEP-4017, LWS, JobSet, llm-d, agent-sandbox). */
public final class PodLabels {
  private PodLabels() {}

  public static final String STATEFULSET_POD_INDEX = "apps.kubernetes.io/pod-index";
  public static final String JOB_COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";
  public static final String JOB_NAME = "batch.kubernetes.io/job-name";
  public static final String LWS_NAME = "leaderworkerset.sigs.k8s.io/name";
  public static final String LWS_GROUP_INDEX = "leaderworkerset.sigs.k8s.io/group-index";
  public static final String LWS_WORKER_INDEX = "leaderworkerset.sigs.k8s.io/worker-index";
  public static final String JOBSET_NAME = "jobset.sigs.k8s.io/jobset-name";
  public static final String JOBSET_REPLICATED_JOB = "jobset.sigs.k8s.io/replicatedjob-name";
  public static final String JOBSET_JOB_GLOBAL_INDEX = "jobset.sigs.k8s.io/job-global-index";
  public static final String JOBSET_RESTART_ATTEMPT = "jobset.sigs.k8s.io/restart-attempt";
  public static final String DS_NAME = "disaggregatedset.x-k8s.io/name";
  public static final String DS_ROLE = "disaggregatedset.x-k8s.io/role";
  public static final String SANDBOX_NAME_HASH = "agents.x-k8s.io/sandbox-name-hash";
  public static final String KUEUE_QUEUE_NAME = "kueue.x-k8s.io/queue-name";

  /**
   * The name Prometheus Kubernetes SD gives a pod label key: every character outside
   * {@code [a-zA-Z0-9_]} becomes {@code _}, case kept ({@code util/strutil.SanitizeLabelName}); also
   * dcgm-exporter's name for a pod label it copies.
   */
  public static String sanitise(String key) {
    StringBuilder b = new StringBuilder(key.length());
    for (char c : key.toCharArray()) {
      b.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
    }
    return b.toString();
  }

  /** {@code __meta_kubernetes_pod_label_<sanitised key>}: the SD meta label relabelings read. */
  public static String metaLabel(String key) {
    return "__meta_kubernetes_pod_label_" + sanitise(key);
  }

  /** kube-state-metrics' {@code kube_pod_labels} label for a key: {@code label_} + the sanitised, lower-cased key. */
  public static String ksmLabel(String key) {
    return "label_" + sanitise(key).toLowerCase(java.util.Locale.ROOT);
  }
}
