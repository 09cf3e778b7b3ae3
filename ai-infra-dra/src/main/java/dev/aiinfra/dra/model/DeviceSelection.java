package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What an {@code exactly} request or a {@code firstAvailable} subrequest asks for: a device class,
 * CEL selectors (ANDed with the class's), the allocation mode and count, admin access (requests
 * only), tolerations and capacity requests. Count defaults to 1 for ExactCount and must be 0 for
 * All.
 */
@Value.Immutable
public abstract class DeviceSelection implements WithDeviceSelection {
  public static final int MAX_SELECTORS = 32;
  public static final int MAX_TOLERATIONS = 16;
  public static final int MAX_EXPRESSION_LENGTH = 10 * 1024;

  public abstract String deviceClassName();

  public abstract List<String> selectors();

  @Value.Default
  public AllocationMode allocationMode() {
    return AllocationMode.ExactCount;
  }

  @Value.Default
  public long count() {
    return allocationMode() == AllocationMode.ExactCount ? 1 : 0;
  }

  @Value.Default
  public boolean adminAccess() {
    return false;
  }

  public abstract List<DeviceToleration> tolerations();

  /** {@code capacity.requests}. */
  public abstract Map<String, Quantity> capacityRequests();

  public static Builder builder() {
    return new Builder();
  }

  public static DeviceSelection of(String deviceClassName, long count) {
    return builder().deviceClassName(deviceClassName).count(count).build();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    if (deviceClassName().isEmpty()) {
      v.required(FieldPath.of("deviceClassName"), "");
    } else {
      v.checkName(FieldPath.of("deviceClassName"), deviceClassName(), NameRules.dns1123Subdomain(deviceClassName()));
    }
    if (selectors().size() > MAX_SELECTORS) {
      v.tooMany(FieldPath.of("selectors"), selectors().size(), MAX_SELECTORS);
    }
    for (int i = 0; i < selectors().size(); i++) {
      String e = selectors().get(i);
      if (e.isBlank()) {
        v.required(FieldPath.of("selectors").index(i).child("cel.expression"), "");
      } else if (e.length() > MAX_EXPRESSION_LENGTH) {
        v.tooLong(FieldPath.of("selectors").index(i).child("cel.expression"), MAX_EXPRESSION_LENGTH);
      }
    }
    if (allocationMode() == AllocationMode.ExactCount && count() < 1) {
      v.invalid(FieldPath.of("count"), count(), "must be greater than zero");
    }
    if (allocationMode() == AllocationMode.All && count() != 0) {
      v.invalid(FieldPath.of("count"), count(), "must not be specified when allocationMode is 'All'");
    }
    if (tolerations().size() > MAX_TOLERATIONS) {
      v.tooMany(FieldPath.of("tolerations"), tolerations().size(), MAX_TOLERATIONS);
    }
    v.throwIfAny();
  }

  /**
   * Builder for {@link DeviceSelection}. Selectors are taken as CEL text or as a typed {@link CelSelector}
   * ({@code addSelector(CelSelector.driver("gpu.nvidia.com"))}), which is stored as its expression.
   */
  public static final class Builder extends ImmutableDeviceSelection.Builder {
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
