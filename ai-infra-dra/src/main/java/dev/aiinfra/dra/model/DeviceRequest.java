package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/** A claim's request: a DNS-label name and exactly one of {@code exactly} or {@code firstAvailable} (1–8 subrequests). */
@Value.Immutable
public abstract class DeviceRequest {
  public static final int MAX_SUBREQUESTS = 8;

  public abstract String name();

  public abstract Optional<DeviceSelection> exactly();

  public abstract List<DeviceSubRequest> firstAvailable();

  public static DeviceRequest exactly(String name, DeviceSelection selection) {
    return ImmutableDeviceRequest.builder().name(name).exactly(selection).build();
  }

  public static DeviceRequest firstAvailable(String name, DeviceSubRequest... alternatives) {
    return ImmutableDeviceRequest.builder().name(name).addFirstAvailable(alternatives).build();
  }

  /** The fewest devices this request needs (the minimum over subrequests). */
  public long minimumDevices() {
    if (exactly().isPresent()) {
      return exactly().get().count();
    }
    return firstAvailable().stream().mapToLong(s -> s.selection().count()).min().orElse(0);
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("name"), name(), NameRules.dns1123Label(name()));
    if (exactly().isPresent() == !firstAvailable().isEmpty()) {
      v.invalid(FieldPath.root(), name(), "exactly one of `exactly` or `firstAvailable` is required");
    }
    if (firstAvailable().size() > MAX_SUBREQUESTS) {
      v.tooMany(FieldPath.of("firstAvailable"), firstAvailable().size(), MAX_SUBREQUESTS);
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < firstAvailable().size(); i++) {
      if (!names.add(firstAvailable().get(i).name())) {
        v.duplicate(FieldPath.of("firstAvailable").index(i).child("name"), firstAvailable().get(i).name());
      }
    }
    v.throwIfAny();
  }
}
