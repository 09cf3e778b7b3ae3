package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.quantity.Quantity;
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

  /** Builder for {@link RequestPolicy}. */
  public static final class Builder extends ImmutableRequestPolicy.Builder {}
}
