package dev.aiinfra.dra.policy;

/** The error classes of the structured allocator, as kube-scheduler's DRA plugin tells them apart. */
public enum AllocationStatus {
  /** Every claim got devices. */
  ALLOCATED,
  /** No assignment exists on this node (the scheduler's nil result, nil error). */
  UNSATISFIABLE,
  /** No assignment found and the node has invalid pools ({@code ErrFailedAllocationOnNode}). */
  FAILED_ON_NODE,
  /** The pod cannot be scheduled anywhere as written: the scheduler aborts the attempt. */
  FATAL
}
