package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A claim constraint: the devices of the listed requests (all, when empty; {@code req/sub} for one
 * subrequest) must share a fully qualified attribute's value ({@code matchAttribute}) or all differ
 * ({@code distinctAttribute}, DRAConsumableCapacity).
 */
@Value.Immutable
public abstract class DeviceConstraint {
  public abstract List<String> requests();

  public abstract Optional<String> matchAttribute();

  public abstract Optional<String> distinctAttribute();

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link DeviceConstraint}. */
  public static final class Builder extends ImmutableDeviceConstraint.Builder {}

  public static DeviceConstraint match(String attribute, String... requests) {
    return ImmutableDeviceConstraint.builder().matchAttribute(attribute).addRequests(requests).build();
  }

  public static DeviceConstraint distinct(String attribute, String... requests) {
    return ImmutableDeviceConstraint.builder().distinctAttribute(attribute).addRequests(requests).build();
  }

  /** The attribute either kind of constraint is about. */
  public String attribute() {
    return matchAttribute().or(this::distinctAttribute).orElse("");
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (matchAttribute().isPresent() == distinctAttribute().isPresent()) {
      v.invalid(FieldPath.root(), "", "exactly one of `matchAttribute` or `distinctAttribute` is required");
    }
    String a = attribute();
    if (!a.isEmpty() && !a.contains("/")) {
      v.invalid(FieldPath.of(matchAttribute().isPresent() ? "matchAttribute" : "distinctAttribute"), a, "must include a domain");
    }
    v.throwIfAny();
  }
}
