package dev.aiinfra.scheduling.policy.placement;

import org.immutables.value.Value;

/** The ResourceFlavor Kueue assigned to one resource of one pod set ({@code status.admission.podSetAssignments[].flavors}). */
@Value.Immutable
public abstract class FlavorAssignment {
  @Value.Parameter
  public abstract String podSet();

  @Value.Parameter
  public abstract String resource();

  @Value.Parameter
  public abstract String flavor();

  public static FlavorAssignment of(String podSet, String resource, String flavor) {
    return ImmutableFlavorAssignment.of(podSet, resource, flavor);
  }
}
