package dev.aiinfra.scheduling.model.kueue;

import java.util.List;
import org.immutables.value.Value;

/**
 * A ClusterQueue's (or Cohort's) resource group: resources that are assigned one flavor together
 * ({@code coveredResources}), and the flavors that provide them, tried in list order.
 */
@Value.Immutable
public abstract class ResourceGroup implements WithResourceGroup {
  public abstract List<String> coveredResources();

  public abstract List<FlavorQuotas> flavors();

  public static Builder builder() {
    return new Builder();
  }

  public static ResourceGroup of(List<String> coveredResources, List<FlavorQuotas> flavors) {
    return builder().coveredResources(coveredResources).flavors(flavors).build();
  }

  /** Builder for {@link ResourceGroup}. */
  public static final class Builder extends ImmutableResourceGroup.Builder {}
}
