package dev.aiinfra.scheduling.policy.placement;

import java.util.List;
import org.immutables.value.Value;

/** Pods placed in one leaf domain; {@code values} is the full path from the top level to the leaf. */
@Value.Immutable
public abstract class DomainCount {
  @Value.Parameter
  public abstract List<String> values();

  @Value.Parameter
  public abstract int count();

  public static DomainCount of(List<String> values, int count) {
    return ImmutableDomainCount.of(values, count);
  }
}
