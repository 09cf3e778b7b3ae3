package dev.aiinfra.scheduling.model;

/**
 * Labels and annotations that tie pods to gangs and carry topology requests
 * (DOMAIN.md {@code domain/crd-facts.md} §5–§7).
 */
public final class GangKeys {
  // Kueue
  public static final String KUEUE_QUEUE_NAME = "kueue.x-k8s.io/queue-name";
  public static final String KUEUE_POD_GROUP_NAME = "kueue.x-k8s.io/pod-group-name";
  public static final String KUEUE_POD_GROUP_TOTAL_COUNT = "kueue.x-k8s.io/pod-group-total-count";
  public static final String KUEUE_PODSET = "kueue.x-k8s.io/podset";
  public static final String KUEUE_REQUIRED_TOPOLOGY = "kueue.x-k8s.io/podset-required-topology";
  public static final String KUEUE_PREFERRED_TOPOLOGY = "kueue.x-k8s.io/podset-preferred-topology";
  public static final String KUEUE_UNCONSTRAINED_TOPOLOGY = "kueue.x-k8s.io/podset-unconstrained-topology";
  public static final String KUEUE_SLICE_REQUIRED_TOPOLOGY = "kueue.x-k8s.io/podset-slice-required-topology";
  public static final String KUEUE_SLICE_SIZE = "kueue.x-k8s.io/podset-slice-size";
  /** Multi-layer slices: a JSON list of 1 to 3 {@code {"topology": key, "size": n}} layers, outermost first. */
  public static final String KUEUE_SLICE_REQUIRED_TOPOLOGY_CONSTRAINTS = "kueue.x-k8s.io/podset-slice-required-topology-constraints";
  public static final String KUEUE_PODSET_GROUP_NAME = "kueue.x-k8s.io/podset-group-name";
  public static final String KUEUE_TOPOLOGY_GATE = "kueue.x-k8s.io/topology";
  // scheduler-plugins coscheduling
  public static final String COSCHEDULING_POD_GROUP = "scheduling.x-k8s.io/pod-group";
  // Volcano
  public static final String VOLCANO_GROUP_NAME = "scheduling.k8s.io/group-name";
  public static final String VOLCANO_QUEUE_NAME = "scheduling.volcano.sh/queue-name";
  public static final String VOLCANO_SCHEDULER = "volcano";

  private GangKeys() {}
}
