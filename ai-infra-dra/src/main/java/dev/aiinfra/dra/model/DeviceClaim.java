package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A claim's devices ({@code spec.devices}): requests, constraints and configuration, within the API
 * limits (32 requests, 32 constraints, 32 configs; references must name existing requests or
 * subrequests; at most 32 devices per claim).
 */
@Value.Immutable
public abstract class DeviceClaim implements WithDeviceClaim {
  public static final int MAX_REQUESTS = 32;
  public static final int MAX_CONSTRAINTS = 32;
  public static final int MAX_CONFIGS = 32;
  public static final int MAX_DEVICES = 32;

  public abstract List<DeviceRequest> requests();

  public abstract List<DeviceConstraint> constraints();

  public abstract List<OpaqueConfig> config();

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    FieldPath reqs = FieldPath.of("spec.devices.requests");
    if (requests().size() > MAX_REQUESTS) {
      v.tooMany(reqs, requests().size(), MAX_REQUESTS);
    }
    Set<String> names = new HashSet<>();
    Set<String> references = new HashSet<>();
    for (int i = 0; i < requests().size(); i++) {
      DeviceRequest r = requests().get(i);
      if (!names.add(r.name())) {
        v.duplicate(reqs.index(i).child("name"), r.name());
      }
      references.add(r.name());
      r.firstAvailable().forEach(s -> references.add(r.name() + "/" + s.name()));
    }
    if (constraints().size() > MAX_CONSTRAINTS) {
      v.tooMany(FieldPath.of("spec.devices.constraints"), constraints().size(), MAX_CONSTRAINTS);
    }
    for (int i = 0; i < constraints().size(); i++) {
      for (String ref : constraints().get(i).requests()) {
        if (!references.contains(ref)) {
          v.invalid(FieldPath.of("spec.devices.constraints").index(i).child("requests"), ref, "must be the name of a request in the claim or the name of a request and a subrequest separated by '/'");
        }
      }
    }
    if (config().size() > MAX_CONFIGS) {
      v.tooMany(FieldPath.of("spec.devices.config"), config().size(), MAX_CONFIGS);
    }
    for (int i = 0; i < config().size(); i++) {
      for (String ref : config().get(i).requests()) {
        if (!references.contains(ref)) {
          v.invalid(FieldPath.of("spec.devices.config").index(i).child("requests"), ref, "must be the name of a request in the claim or the name of a request and a subrequest separated by '/'");
        }
      }
    }
    long minimum = requests().stream().mapToLong(DeviceRequest::minimumDevices).sum();
    if (minimum > MAX_DEVICES) {
      v.invalid(reqs, minimum, "the claim asks for at least " + minimum + " devices; the limit is " + MAX_DEVICES);
    }
    v.throwIfAny();
  }

  /** Builder for {@link DeviceClaim}. */
  public static final class Builder extends ImmutableDeviceClaim.Builder {}
}
