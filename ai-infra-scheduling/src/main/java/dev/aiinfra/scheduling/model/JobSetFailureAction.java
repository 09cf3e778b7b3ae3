package dev.aiinfra.scheduling.model;

/** JobSet {@code failurePolicy.rules[].action}; the RestartJob actions need JobSet's RestartJob gate. */
public enum JobSetFailureAction {
  FailJobSet,
  RestartJobSet,
  RestartJobSetAndIgnoreMaxRestarts,
  RestartJob,
  RestartJobAndIgnoreMaxRestarts
}
