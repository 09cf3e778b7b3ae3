package dev.aiinfra.scheduling.model;

/** Workload-aware preemption's disruption mode (KEP-5710): evict single pods, or the whole pod group. */
public enum DisruptionMode {
  Pod,
  PodGroup
}
