package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.DiagnosticCode;

/**
 * The diagnostic codes of {@code ai-infra-dra}: why the structured allocator (KEP-4381, the
 * kube-scheduler DynamicResources plugin) cannot allocate a pod's ResourceClaims on a node. Each
 * constant says what the finding means and what to do about it.
 */
public enum DraCode implements DiagnosticCode {
  /**
   * The allocator failed on a claim or class itself (a CEL selector that does not compile or fails at
   * run time, an invalid request): the scheduler gives up on the pod on every node. Fix the claim or
   * the class the message names.
   */
  DRA_FATAL,
  /**
   * A ResourceSlice pool on the node is incomplete (fewer slices than {@code pool.resourceSliceCount}
   * for its generation), so its devices are not used. Publish every slice of the pool, or wait for the
   * driver to.
   */
  DRA_POOL_INCOMPLETE,
  /**
   * A ResourceSlice pool on the node is invalid (devices twice, mixed generations), so its devices are
   * not used. Fix the driver's slices.
   */
  DRA_POOL_INVALID,
  /** The node has no usable device in any complete, valid pool. Check that the driver publishes ResourceSlices for the node. */
  DRA_NO_DEVICES,
  /**
   * No device on the node matches a request's DeviceClass and selectors. Compare the selectors with
   * the attributes and capacity the driver publishes.
   */
  DRA_NO_MATCHING_DEVICES,
  /** Enough devices match, but too many are already allocated to other claims. Free devices, or choose another node. */
  DRA_DEVICES_IN_USE,
  /** Enough devices match, but too many carry a taint the request does not tolerate. Add a toleration, or remove the taint. */
  DRA_DEVICES_TAINTED,
  /**
   * Too few matching devices are free (allocated, tainted, or short of capacity or counters; the
   * message counts each). Ask for fewer devices, or add capacity.
   */
  DRA_NOT_ENOUGH_DEVICES,
  /**
   * Each request of the claim finds enough free devices alone, but not all at once: they compete for
   * the same devices, capacity or counters. Ask for fewer, or for different devices.
   */
  DRA_REQUESTS_COMPETE,
  /**
   * No set of free devices meets a {@code matchAttribute} or {@code distinctAttribute} constraint.
   * Devices must publish the attribute with one value (match) or pairwise different values (distinct).
   */
  DRA_CONSTRAINT_UNSATISFIED,
  /**
   * The claim's constraints can each be met, and the earlier ones together, but not also this one: the
   * devices that meet the earlier ones leave none for it. Relax or reorder the constraints.
   */
  DRA_CONSTRAINTS_CONFLICT,
  /**
   * Each claim of the pod fits on the node alone, but not all together: they compete for the same
   * devices. Ask for fewer devices, or spread the claims over pods.
   */
  DRA_CLAIMS_COMPETE,
  /** The claims cannot all be allocated on the node; the other reasons of the node say why. */
  DRA_UNSATISFIABLE,
  /**
   * No node to try: the input has neither ResourceSlices with a node nor Node objects. Add the
   * cluster's ResourceSlices (and Nodes), or name a node.
   */
  DRA_NO_NODES
}
