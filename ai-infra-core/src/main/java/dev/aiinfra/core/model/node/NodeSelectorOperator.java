package dev.aiinfra.core.model.node;

/** Operators of a node selector requirement (core/v1 {@code NodeSelectorOperator}). */
public enum NodeSelectorOperator {
  In,
  NotIn,
  Exists,
  DoesNotExist,
  Gt,
  Lt
}
