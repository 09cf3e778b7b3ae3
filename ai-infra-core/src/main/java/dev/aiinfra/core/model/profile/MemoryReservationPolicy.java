package dev.aiinfra.core.model.profile;

/**
 * Kubelet {@code memoryReservationPolicy} (Kubernetes 1.36+, Memory QoS KEP-2570), part of the
 * {@link ClusterProfile} because it is a node setting of the target cluster, like the runtime.
 */
public enum MemoryReservationPolicy {
  /** No {@code memory.min} / {@code memory.low} (the default). */
  None,
  /** Guaranteed requests protected by {@code memory.min}, Burstable requests by {@code memory.low}. */
  TieredReservation
}
