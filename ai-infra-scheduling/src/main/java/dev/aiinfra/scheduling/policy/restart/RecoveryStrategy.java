package dev.aiinfra.scheduling.policy.restart;

/** The cheapest recovery that covers the expected failures. */
public enum RecoveryStrategy {
  /** Restart the failed container where it is (KEP-5307 {@code Restart}). */
  IN_PLACE_CONTAINER,
  /** Restart every container of the pod where it is (KEP-5532 {@code RestartAllContainers}). */
  IN_PLACE_POD,
  /** Replace the pods (Job backoff, JobSet restart). */
  RECREATE
}
