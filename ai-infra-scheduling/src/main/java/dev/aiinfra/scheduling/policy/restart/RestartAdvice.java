package dev.aiinfra.scheduling.policy.restart;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.workload.ContainerRestartRule;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.RestartPolicy;
import dev.aiinfra.scheduling.model.JobSetFailureRule;
import dev.aiinfra.scheduling.model.JobSetRestartStrategy;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The advisor's answer: the strategy, the container restart rules (first match wins), the JobSet
 * failure policy for what in-place restart cannot cover, and why.
 */
@Value.Immutable
public abstract class RestartAdvice {
  public abstract RecoveryStrategy strategy();

  public abstract List<ContainerRestartRule> rules();

  public abstract Optional<JobSetRestartStrategy> jobSetRestartStrategy();

  public abstract List<JobSetFailureRule> jobSetRules();

  public abstract List<Diagnostic> explanation();

  public static Builder builder() {
    return new Builder();
  }

  /** The container with the advice applied: {@code restartPolicy: Never} plus the rules (when there are any). */
  public ContainerSpec applyTo(ContainerSpec container) {
    if (rules().isEmpty()) {
      return container;
    }
    return container.withRestartPolicy(RestartPolicy.Never).withRestartPolicyRules(rules());
  }

  /** Builder for {@link RestartAdvice}. */
  public static final class Builder extends ImmutableRestartAdvice.Builder {}
}
