package dev.aiinfra.scheduling.model;

/** JobSet {@code failurePolicy.restartStrategy}; InPlaceRestart needs JobSet's InPlaceRestart gate (KEP 467). */
public enum JobSetRestartStrategy {
  Recreate,
  BlockingRecreate,
  InPlaceRestart
}
