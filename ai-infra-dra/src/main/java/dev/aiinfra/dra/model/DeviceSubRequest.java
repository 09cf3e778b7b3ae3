package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import org.immutables.value.Value;

/** One alternative of a {@code firstAvailable} list; referred to as {@code <request>/<subrequest>}; no admin access. */
@Value.Immutable
public abstract class DeviceSubRequest {
  @Value.Parameter
  public abstract String name();

  @Value.Parameter
  public abstract DeviceSelection selection();

  public static DeviceSubRequest of(String name, DeviceSelection selection) {
    return ImmutableDeviceSubRequest.of(name, selection);
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("name"), name(), NameRules.dns1123Label(name()));
    if (selection().adminAccess()) {
      v.forbidden(FieldPath.of("adminAccess"), "subrequests cannot ask for admin access");
    }
    v.throwIfAny();
  }
}
