package dev.aiinfra.scheduling.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.SpecPart;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A DRA claim shared by a whole pod group ({@code podGroupTemplates[].resourceClaims}, gate
 * DRAWorkloadResourceClaims): a name and exactly one of a ResourceClaim or a ResourceClaimTemplate.
 */
@Value.Immutable
public abstract class PodGroupClaim implements SpecPart {
  public abstract String name();

  public abstract Optional<String> resourceClaimName();

  public abstract Optional<String> resourceClaimTemplateName();

  public static PodGroupClaim ofClaim(String name, String claim) {
    return ImmutablePodGroupClaim.builder().name(name).resourceClaimName(claim).build();
  }

  public static PodGroupClaim ofTemplate(String name, String template) {
    return ImmutablePodGroupClaim.builder().name(name).resourceClaimTemplateName(template).build();
  }

  /** Checked by the {@link PodGroupSpec} that holds the claim, at {@code resourceClaims[i]}. */
  @Override
  public List<FieldViolation> violations() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("name"), name(), NameRules.dns1123Label(name()));
    if (resourceClaimName().isPresent() == resourceClaimTemplateName().isPresent()) {
      v.invalid(FieldPath.root(), name(), "must specify exactly one of `resourceClaimName`, `resourceClaimTemplateName`");
    }
    return v.list();
  }
}
