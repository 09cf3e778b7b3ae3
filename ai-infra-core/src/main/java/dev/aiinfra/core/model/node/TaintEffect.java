package dev.aiinfra.core.model.node;

/** A taint's effect (core/v1 {@code TaintEffect}). */
public enum TaintEffect {
  NoSchedule,
  PreferNoSchedule,
  NoExecute
}
