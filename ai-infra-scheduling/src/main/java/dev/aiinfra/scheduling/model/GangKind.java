package dev.aiinfra.scheduling.model;

/** Which gang implementation a group of pods is scheduled by; it decides the placement semantics. */
public enum GangKind {
  /** Kueue topology-aware scheduling (KEP-2724): the whole count, in Kueue's domain order. */
  KUEUE,
  /** Kubernetes {@code scheduling.k8s.io} Workload/PodGroup gang plugin (KEP-4671, KEP-5732). */
  WORKLOAD,
  /** scheduler-plugins coscheduling ({@code scheduling.x-k8s.io} PodGroup). */
  COSCHEDULING,
  /** Volcano ({@code scheduling.volcano.sh} PodGroup). */
  VOLCANO
}
