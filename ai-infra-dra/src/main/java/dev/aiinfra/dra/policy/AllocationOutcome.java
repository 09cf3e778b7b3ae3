package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.Diagnostic;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The allocator's answer for one node: the allocations (when {@link #satisfiable()}), the error of
 * a fatal or node-local failure, and reasons that explain every "no" per claim and request.
 */
@Value.Immutable
public abstract class AllocationOutcome {
  public abstract String node();

  public abstract AllocationStatus status();

  public abstract List<ClaimAllocation> claims();

  public abstract Optional<String> error();

  public abstract List<Diagnostic> reasons();

  public boolean satisfiable() {
    return status() == AllocationStatus.ALLOCATED;
  }

  public boolean fatal() {
    return status() == AllocationStatus.FATAL;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link AllocationOutcome}. */
  public static final class Builder extends ImmutableAllocationOutcome.Builder {}
}
