package dev.aiinfra.core.model.workload;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A pod's {@code spec.resourceClaims[]} entry (Dynamic Resource Allocation, KEP-4381): a name the
 * containers refer to, and exactly one of an existing ResourceClaim or a ResourceClaimTemplate from
 * which the control plane creates one claim per pod.
 */
@Value.Immutable
public abstract class PodResourceClaim {
  public abstract String name();

  public abstract Optional<String> resourceClaimName();

  public abstract Optional<String> resourceClaimTemplateName();

  public static PodResourceClaim fromTemplate(String name, String template) {
    return ImmutablePodResourceClaim.builder().name(name).resourceClaimTemplateName(template).build();
  }

  public static PodResourceClaim ofClaim(String name, String claim) {
    return ImmutablePodResourceClaim.builder().name(name).resourceClaimName(claim).build();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("name"), name(), NameRules.dns1123Label(name()));
    if (resourceClaimName().isPresent() == resourceClaimTemplateName().isPresent()) {
      v.invalid(FieldPath.root(), name(), "exactly one of `resourceClaimName` or `resourceClaimTemplateName` is required");
    }
    v.throwIfAny();
  }
}
