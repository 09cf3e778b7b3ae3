package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A ResourceClaim or, with {@link #template()}, a ResourceClaimTemplate ({@code resource.k8s.io/v1}):
 * name, namespace, the devices, and (for claims read from a cluster) the allocation already made.
 */
@Value.Immutable
public abstract class ResourceClaimSpec implements WithResourceClaimSpec {
  public abstract String name();

  @Value.Default
  public String namespace() {
    return "default";
  }

  @Value.Default
  public boolean template() {
    return false;
  }

  public abstract Map<String, String> labels();

  public abstract DeviceClaim devices();

  public abstract Optional<AllocationResult> allocation();

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("metadata.name"), name(), NameRules.dns1123Subdomain(name()));
    v.checkName(FieldPath.of("metadata.namespace"), namespace(), NameRules.dns1123Label(namespace()));
    if (template() && allocation().isPresent()) {
      v.forbidden(FieldPath.of("status.allocation"), "templates are never allocated");
    }
    v.throwIfAny();
  }

  /** Builder for {@link ResourceClaimSpec}. */
  public static final class Builder extends ImmutableResourceClaimSpec.Builder {}
}
