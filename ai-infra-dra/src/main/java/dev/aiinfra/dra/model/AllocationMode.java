package dev.aiinfra.dra.model;

/** {@code allocationMode}: a number of devices, or every matching device of the node. */
public enum AllocationMode {
  ExactCount,
  All
}
