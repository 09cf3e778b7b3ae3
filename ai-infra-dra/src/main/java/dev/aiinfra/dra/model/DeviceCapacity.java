package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.quantity.Quantity;
import java.util.Optional;
import org.immutables.value.Value;

/** A device capacity: its value and, on shareable devices, the request policy. */
@Value.Immutable
public abstract class DeviceCapacity {
  @Value.Parameter
  public abstract Quantity value();

  @Value.Parameter
  public abstract Optional<RequestPolicy> requestPolicy();

  public static DeviceCapacity of(String value) {
    return ImmutableDeviceCapacity.of(Quantity.parse(value), Optional.empty());
  }

  public static DeviceCapacity of(Quantity value) {
    return ImmutableDeviceCapacity.of(value, Optional.empty());
  }

  public static DeviceCapacity of(Quantity value, RequestPolicy policy) {
    return ImmutableDeviceCapacity.of(value, Optional.of(policy));
  }
}
