package dev.aiinfra.serving.policy.pd;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.serving.model.pd.PlanRequest;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The planner's answer: the best aggregated and the best disaggregated configuration under the
 * SLA, the winner, the ranked candidates (the best of each parallelism) and why.
 */
@Value.Immutable
public abstract class PdPlan {
  public abstract PlanRequest request();

  public abstract Optional<ServingConfiguration> bestAggregated();

  public abstract Optional<ServingConfiguration> bestDisaggregated();

  /** Ranked by tokens/s/GPU of the budget, then tokens/s/user; at most {@code request.top()}. */
  public abstract List<ServingConfiguration> candidates();

  /** Why the winner wins, and what limits the other mode; stable {@code PD_*} codes. */
  public abstract List<Diagnostic> explanations();

  public static Builder builder() {
    return new Builder();
  }

  /** The winner: the better of the two bests by the ranking. */
  @Value.Derived
  public Optional<ServingConfiguration> best() {
    return candidates().isEmpty() ? Optional.empty() : Optional.of(candidates().get(0));
  }

  public Optional<ServingMode> advice() {
    return best().map(ServingConfiguration::mode);
  }

  /** True when some configuration meets every SLA. */
  public boolean isFeasible() {
    return best().isPresent();
  }

  /** Best disaggregated over best aggregated tokens/s/GPU, when both exist. */
  public Optional<Double> disaggregationGain() {
    if (bestAggregated().isEmpty() || bestDisaggregated().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(bestDisaggregated().get().tokensPerSecondPerGpu() / bestAggregated().get().tokensPerSecondPerGpu());
  }

  /** Builder for {@link PdPlan}. */
  public static final class Builder extends ImmutablePdPlan.Builder {}
}
