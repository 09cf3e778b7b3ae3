package dev.aiinfra.scheduling.model.kueue;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Whether Kueue tries the next flavor of a resource group before borrowing or preempting in the
 * current one ({@code FlavorFungibility}). Defaults are Kueue v1beta2's: stop at a flavor that can
 * borrow ({@code MayStopSearch}), try the next before preempting ({@code TryNextFlavor}).
 */
@Value.Immutable
public abstract class FlavorFungibility implements WithFlavorFungibility {
  /** {@code MayStopSearch} or {@code TryNextFlavor}. */
  public enum Policy {
    MayStopSearch,
    TryNextFlavor
  }

  /** Which of borrowing and preemption Kueue prefers when both policies are TryNextFlavor. */
  public enum Preference {
    BorrowingOverPreemption,
    PreemptionOverBorrowing
  }

  @Value.Default
  public Policy whenCanBorrow() {
    return Policy.MayStopSearch;
  }

  @Value.Default
  public Policy whenCanPreempt() {
    return Policy.TryNextFlavor;
  }

  public abstract Optional<Preference> preference();

  public static Builder builder() {
    return new Builder();
  }

  /** Kueue's defaults. */
  public static FlavorFungibility defaults() {
    return builder().build();
  }

  /** Builder for {@link FlavorFungibility}. */
  public static final class Builder extends ImmutableFlavorFungibility.Builder {}
}
