package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/** The outcome for every gang, in input order; {@link #fits()} when every gang fits. */
@Value.Immutable
public abstract class PlacementResult {
  public abstract List<GangResult> gangs();

  public boolean fits() {
    return gangs().stream().allMatch(GangResult::fits);
  }

  /** Every reason of every gang that does not fit. */
  public List<Diagnostic> reasons() {
    List<Diagnostic> all = new ArrayList<>();
    gangs().forEach(g -> all.addAll(g.reasons()));
    return all;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link PlacementResult}. */
  public static final class Builder extends ImmutablePlacementResult.Builder {}
}
