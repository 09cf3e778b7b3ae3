package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.quantity.Quantity;
import java.util.Map;
import org.immutables.value.Value;

/** What a partition consumes from one of its pool's counter sets ({@code consumesCounters[]}). */
@Value.Immutable
public abstract class CounterConsumption {
  public abstract String counterSet();

  public abstract Map<String, Quantity> counters();

  public static CounterConsumption of(String counterSet, Map<String, ? extends Quantity> counters) {
    return ImmutableCounterConsumption.builder().counterSet(counterSet).counters(counters).build();
  }
}
