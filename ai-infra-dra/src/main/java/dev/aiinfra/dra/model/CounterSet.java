package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.quantity.Quantity;
import java.util.Map;
import org.immutables.value.Value;

/** A pool's shared counters ({@code sharedCounters[]}, DRAPartitionableDevices, pool-scoped since 1.35). */
@Value.Immutable
public abstract class CounterSet {
  public abstract String name();

  public abstract Map<String, Quantity> counters();

  public static CounterSet of(String name, Map<String, ? extends Quantity> counters) {
    return ImmutableCounterSet.builder().name(name).counters(counters).build();
  }
}
