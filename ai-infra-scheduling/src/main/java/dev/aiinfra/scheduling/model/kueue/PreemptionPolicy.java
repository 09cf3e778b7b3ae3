package dev.aiinfra.scheduling.model.kueue;

/**
 * Kueue's {@code PreemptionPolicy} values. {@code reclaimWithinCohort} takes Never, LowerPriority and
 * Any; {@code withinClusterQueue} takes Never, LowerPriority and LowerOrNewerEqualPriority.
 */
public enum PreemptionPolicy {
  Never,
  LowerPriority,
  LowerOrNewerEqualPriority,
  Any
}
