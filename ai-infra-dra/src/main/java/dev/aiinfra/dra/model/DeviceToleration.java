package dev.aiinfra.dra.model;

import java.util.Optional;
import org.immutables.value.Value;

/** A request's toleration of device taints: empty key or effect match all; {@code Exists} ignores the value. */
@Value.Immutable
public abstract class DeviceToleration {
  @Value.Default
  public String key() {
    return "";
  }

  /** {@code Equal} (default) or {@code Exists}. */
  @Value.Default
  public String operator() {
    return "Equal";
  }

  @Value.Default
  public String value() {
    return "";
  }

  @Value.Default
  public String effect() {
    return "";
  }

  public abstract Optional<Long> tolerationSeconds();

  public static Builder builder() {
    return new Builder();
  }

  public boolean tolerates(DeviceTaint t) {
    if (!effect().isEmpty() && !effect().equals(t.effect())) {
      return false;
    }
    if (!key().isEmpty() && !key().equals(t.key())) {
      return false;
    }
    return operator().equals("Exists") || value().equals(t.value());
  }

  /** Builder for {@link DeviceToleration}. */
  public static final class Builder extends ImmutableDeviceToleration.Builder {}
}
