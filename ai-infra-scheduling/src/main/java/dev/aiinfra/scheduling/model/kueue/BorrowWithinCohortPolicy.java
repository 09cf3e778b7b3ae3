package dev.aiinfra.scheduling.model.kueue;

/** Whether a workload that borrows may preempt in other ClusterQueues of the cohort ({@code BorrowWithinCohort.policy}). */
public enum BorrowWithinCohortPolicy {
  Never,
  LowerPriority
}
