package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a shareable device's capacity is consumed ({@code CapacityRequestPolicy}, DRAConsumableCapacity):
 * a default when nothing is requested, and either a valid range (min, max, step) or a list of
 * valid values.
 */
@Value.Immutable
public abstract class RequestPolicy {
  public abstract Optional<Quantity> defaultValue();

  public abstract Optional<Quantity> min();

  public abstract Optional<Quantity> max();

  public abstract Optional<Quantity> step();

  /** Ascending. */
  public abstract List<Quantity> validValues();

  public static Builder builder() {
    return new Builder();
  }

  /** A step must be positive: the allocator divides by it (and so does the API server's validation, which crashes on 0). */
  @Value.Check
  protected void check() {
    step().filter(s -> s.signum() <= 0).ifPresent(s -> new Violations().invalid(FieldPath.of("step"), s, "must be greater than zero").throwIfAny());
  }

  /** Builder for {@link RequestPolicy}. */
  public static final class Builder extends ImmutableRequestPolicy.Builder {}
}
