package dev.aiinfra.scheduling.policy.placement;

import java.util.List;
import org.immutables.value.Value;

/** Kueue's {@code TopologyAssignment}: the levels and, per leaf domain, how many pods go there. */
@Value.Immutable
public abstract class TopologyAssignment {
  @Value.Parameter
  public abstract List<String> levels();

  @Value.Parameter
  public abstract List<DomainCount> domains();

  public static TopologyAssignment of(List<String> levels, List<DomainCount> domains) {
    return ImmutableTopologyAssignment.of(levels, domains);
  }

  public int total() {
    return domains().stream().mapToInt(DomainCount::count).sum();
  }
}
