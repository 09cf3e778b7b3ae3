package dev.aiinfra.scheduling.policy.restart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import dev.aiinfra.core.model.workload.ContainerRestartRule;
import dev.aiinfra.core.model.workload.RestartRuleAction;
import dev.aiinfra.scheduling.model.ExpectedFailure;
import dev.aiinfra.scheduling.model.ExpectedFailure.Kind;
import dev.aiinfra.scheduling.model.JobSetFailureAction;
import dev.aiinfra.scheduling.model.JobSetFailureRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartAdvisorTest {
  @Test
  void retryable_exit_codes_restart_the_container_in_place() {
    RestartAdvice a = RestartAdvisor.advise(List.of(ExpectedFailure.of(Kind.RETRYABLE_EXIT, 42, 43)), ClusterProfile.defaults());
    assertThat(a.strategy()).isEqualTo(RecoveryStrategy.IN_PLACE_CONTAINER);
    assertThat(a.rules()).containsExactly(ContainerRestartRule.of(RestartRuleAction.Restart, ContainerRestartRule.Operator.In, 42, 43));
    assertThat(a.jobSetRules()).isEmpty();
  }

  @Test
  void collective_failures_restart_every_container_where_the_gate_allows() {
    RestartAdvice on136 = RestartAdvisor.advise(List.of(ExpectedFailure.of(Kind.COLLECTIVE_EXIT, 134)), ClusterProfile.defaults());
    assertThat(on136.strategy()).isEqualTo(RecoveryStrategy.IN_PLACE_POD);
    assertThat(on136.rules().get(0).action()).isEqualTo(RestartRuleAction.RestartAllContainers);
    RestartAdvice on135 = RestartAdvisor.advise(List.of(ExpectedFailure.of(Kind.COLLECTIVE_EXIT, 134)), ClusterProfile.of(KubernetesVersion.V1_35));
    assertThat(on135.strategy()).isEqualTo(RecoveryStrategy.IN_PLACE_CONTAINER);
    assertThat(on135.explanation()).extracting(Diagnostic::code).contains("RESTART_ALL_UNAVAILABLE");
  }

  @Test
  void node_loss_needs_recreation() {
    RestartAdvice a = RestartAdvisor.advise(List.of(ExpectedFailure.of(Kind.RETRYABLE_EXIT, 42), ExpectedFailure.of(Kind.NODE_LOSS)), ClusterProfile.defaults());
    assertThat(a.strategy()).isEqualTo(RecoveryStrategy.IN_PLACE_CONTAINER);
    assertThat(a.jobSetRules()).extracting(JobSetFailureRule::action).containsExactly(JobSetFailureAction.RestartJobSet);
    assertThat(a.explanation()).extracting(Diagnostic::code).contains("RECREATE_ON_NODE_LOSS");
  }

  @Test
  void an_oom_kill_is_never_restarted_in_place() {
    RestartAdvice a = RestartAdvisor.advise(List.of(ExpectedFailure.of(Kind.RETRYABLE_EXIT, 137, 42), ExpectedFailure.of(Kind.OOM_KILL)), ClusterProfile.defaults());
    assertThat(a.rules().get(0).values()).containsExactly(42);
  }

  @Test
  void preemption_does_not_spend_max_restarts() {
    RestartAdvice a = RestartAdvisor.advise(List.of(ExpectedFailure.of(Kind.PREEMPTION)), ClusterProfile.defaults());
    assertThat(a.jobSetRules()).extracting(JobSetFailureRule::action)
        .containsExactly(JobSetFailureAction.RestartJobSetAndIgnoreMaxRestarts, JobSetFailureAction.RestartJobSet);
  }

  @Test
  void on_1_34_everything_recreates() {
    RestartAdvice a = RestartAdvisor.advise(List.of(ExpectedFailure.of(Kind.RETRYABLE_EXIT, 42)), ClusterProfile.of(KubernetesVersion.V1_34));
    assertThat(a.strategy()).isEqualTo(RecoveryStrategy.RECREATE);
    assertThat(a.rules()).isEmpty();
  }
}
