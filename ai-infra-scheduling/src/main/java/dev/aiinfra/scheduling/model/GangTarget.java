package dev.aiinfra.scheduling.model;

/** The gang implementation a {@link GangSpec} is rendered for. */
public enum GangTarget {
  /** {@code scheduling.k8s.io} Workload (+ PodGroup on 1.36+), chosen by the cluster profile's version. */
  NATIVE,
  /** Volcano {@code scheduling.volcano.sh/v1beta1} PodGroup. */
  VOLCANO,
  /** scheduler-plugins coscheduling {@code scheduling.x-k8s.io/v1alpha1} PodGroup. */
  COSCHEDULING,
  /** Kueue: queue and pod-group labels and TAS annotations; Kueue creates its own Workload. */
  KUEUE
}
