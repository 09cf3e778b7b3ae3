package dev.aiinfra.dra.policy;

import dev.aiinfra.dra.model.AllocationResult;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import org.immutables.value.Value;

/** A claim and the allocation found for it. */
@Value.Immutable
public abstract class ClaimAllocation {
  @Value.Parameter
  public abstract ResourceClaimSpec claim();

  @Value.Parameter
  public abstract AllocationResult allocation();

  public static ClaimAllocation of(ResourceClaimSpec claim, AllocationResult allocation) {
    return ImmutableClaimAllocation.of(claim, allocation);
  }

  /** The claim with {@code status.allocation} set. */
  public ResourceClaimSpec allocatedClaim() {
    return claim().withAllocation(allocation());
  }
}
