package dev.aiinfra.scheduling.model.kueue;

import java.util.List;
import org.immutables.value.Value;

/** A flavor of a resource group with its quota for each covered resource ({@code FlavorQuotas}). */
@Value.Immutable
public abstract class FlavorQuotas implements WithFlavorQuotas {
  /** The ResourceFlavor's name. */
  public abstract String name();

  /** One quota per covered resource, in the group's {@code coveredResources} order. */
  public abstract List<ResourceQuota> resources();

  public static Builder builder() {
    return new Builder();
  }

  public static FlavorQuotas of(String name, List<ResourceQuota> resources) {
    return builder().name(name).resources(resources).build();
  }

  /** Builder for {@link FlavorQuotas}. */
  public static final class Builder extends ImmutableFlavorQuotas.Builder {}
}
