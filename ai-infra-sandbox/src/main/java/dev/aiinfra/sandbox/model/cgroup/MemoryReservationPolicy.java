package dev.aiinfra.sandbox.model.cgroup;

/** Kubelet {@code memoryReservationPolicy} (Kubernetes 1.36+, Memory QoS KEP-2570). */
public enum MemoryReservationPolicy {
  /** No {@code memory.min} / {@code memory.low} (the default). */
  None,
  /** Guaranteed requests protected by {@code memory.min}, Burstable requests by {@code memory.low}. */
  TieredReservation
}
