package dev.aiinfra.dra.model;

import org.immutables.value.Value;

/** A device taint (DRADeviceTaints); only {@code NoSchedule} and {@code NoExecute} block allocation. */
@Value.Immutable
public abstract class DeviceTaint {
  @Value.Parameter
  public abstract String key();

  @Value.Parameter
  public abstract String value();

  /** {@code NoSchedule}, {@code NoExecute} or {@code None}. */
  @Value.Parameter
  public abstract String effect();

  public static DeviceTaint of(String key, String value, String effect) {
    return ImmutableDeviceTaint.of(key, value, effect);
  }

  public boolean blocks() {
    return effect().equals("NoSchedule") || effect().equals("NoExecute");
  }
}
