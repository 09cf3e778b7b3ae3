package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.quantity.Quantity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** One allocated device ({@code status.allocation.devices.results[]}); {@code request} is {@code req} or {@code req/sub}. */
@Value.Immutable
public abstract class DeviceResult {
  public abstract String request();

  public abstract String driver();

  public abstract String pool();

  public abstract String device();

  @Value.Default
  public boolean adminAccess() {
    return false;
  }

  public abstract List<DeviceToleration> tolerations();

  public abstract Optional<String> shareId();

  public abstract Map<String, Quantity> consumedCapacity();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link DeviceResult}. */
  public static final class Builder extends ImmutableDeviceResult.Builder {}
}
