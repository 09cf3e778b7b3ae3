package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A DeviceClass: CEL selectors every device of the class must satisfy, configuration copied into
 * allocations, and (DRAExtendedResource) the extended resource name it serves, such as
 * {@code nvidia.com/gpu}, which lets pods keep asking for {@code nvidia.com/gpu: N}.
 */
@Value.Immutable
public abstract class DeviceClassSpec implements WithDeviceClassSpec {
  public abstract String name();

  public abstract List<String> selectors();

  public abstract List<OpaqueConfig> config();

  public abstract Optional<String> extendedResourceName();

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("metadata.name"), name(), NameRules.dns1123Subdomain(name()));
    if (selectors().size() > DeviceSelection.MAX_SELECTORS) {
      v.tooMany(FieldPath.of("spec.selectors"), selectors().size(), DeviceSelection.MAX_SELECTORS);
    }
    for (int i = 0; i < selectors().size(); i++) {
      if (selectors().get(i).length() > DeviceSelection.MAX_EXPRESSION_LENGTH) {
        v.tooLong(FieldPath.of("spec.selectors").index(i).child("cel.expression"), DeviceSelection.MAX_EXPRESSION_LENGTH);
      }
    }
    if (config().size() > 32) {
      v.tooMany(FieldPath.of("spec.config"), config().size(), 32);
    }
    extendedResourceName().ifPresent(e -> v.checkName(FieldPath.of("spec.extendedResourceName"), e, NameRules.qualifiedName(e)));
    v.throwIfAny();
  }

  /**
   * Builder for {@link DeviceClassSpec}. Selectors are taken as CEL text or as a typed {@link CelSelector}
   * ({@code addSelector(CelSelector.driver("gpu.nvidia.com"))}), which is stored as its expression.
   */
  public static final class Builder extends ImmutableDeviceClassSpec.Builder {
    /** Adds a typed selector ({@code selectors[].cel.expression}). */
    public Builder addSelector(CelSelector selector) {
      return addSelector(selector.expression());
    }

    /** Adds typed selectors, in order; each is ANDed with the others. */
    public Builder addSelectors(CelSelector... selectors) {
      for (CelSelector s : selectors) {
        addSelector(s);
      }
      return this;
    }
  }
}
