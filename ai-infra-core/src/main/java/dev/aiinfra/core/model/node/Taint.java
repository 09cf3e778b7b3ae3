package dev.aiinfra.core.model.node;

import org.immutables.value.Value;

/** A node taint (core/v1 {@code Taint}). */
@Value.Immutable
public abstract class Taint {
  @Value.Parameter
  public abstract String key();

  @Value.Parameter
  public abstract String value();

  @Value.Parameter
  public abstract TaintEffect effect();

  public static Taint of(String key, String value, TaintEffect effect) {
    return ImmutableTaint.of(key, value, effect);
  }

  /** Whether pods that do not tolerate it are kept off the node ({@code NoSchedule}, {@code NoExecute}). */
  public boolean blocksScheduling() {
    return effect() != TaintEffect.PreferNoSchedule;
  }

  /** {@code key=value:Effect}, or {@code key:Effect} when the value is empty (Kueue's message form). */
  @Override
  public String toString() {
    return key() + (value().isEmpty() ? "" : "=" + value()) + ":" + effect();
  }
}
