package dev.aiinfra.scheduling.policy.restart;

import dev.aiinfra.core.model.CoreCode;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.FeatureGate;
import dev.aiinfra.core.model.workload.ContainerRestartRule;
import dev.aiinfra.core.model.workload.RestartRuleAction;
import dev.aiinfra.scheduling.model.ExpectedFailure;
import dev.aiinfra.scheduling.model.JobSetFailureAction;
import dev.aiinfra.scheduling.model.JobSetFailureRule;
import dev.aiinfra.scheduling.model.JobSetRestartStrategy;
import dev.aiinfra.scheduling.model.SchedulingCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recommends in-place restart or recreation for the failures a job expects, and renders the rules:
 *
 * <ul>
 *   <li>retryable exit codes → a {@code Restart} rule: the container restarts on the same node, with
 *       its GPUs, devices and local caches kept (needs ContainerRestartRules, beta in 1.35);
 *   <li>collective exit codes → a {@code RestartAllContainers} rule: every container restarts
 *       together, init containers re-run, sandbox and devices kept (needs
 *       RestartAllContainersOnContainerExits); without it a {@code Restart} rule is the fallback;
 *   <li>OOM kills (137) → no in-place rule: the same limit would fail again; recreation, and a hint
 *       to raise the limit;
 *   <li>node loss and preemption → recreation: nothing survives on the node, so a JobSet failure
 *       policy restarts the JobSet ({@code Recreate}; preemption does not count against
 *       maxRestarts).
 * </ul>
 *
 * Rules are ordered as given (first match wins); at most 20 rules and 255 codes per rule.
 */
public final class RestartAdvisor {
  private RestartAdvisor() {}

  public static RestartAdvice advise(List<ExpectedFailure> failures, ClusterProfile profile) {
    boolean rulesOn = profile.isEnabled(FeatureGate.ContainerRestartRules);
    boolean allOn = profile.isEnabled(FeatureGate.RestartAllContainersOnContainerExits);
    Set<Integer> retryable = new LinkedHashSet<>();
    Set<Integer> collective = new LinkedHashSet<>();
    boolean nodeLoss = false;
    boolean preemption = false;
    boolean oom = false;
    for (ExpectedFailure f : failures) {
      switch (f.kind()) {
        case RETRYABLE_EXIT:
          retryable.addAll(f.exitCodes());
          break;
        case COLLECTIVE_EXIT:
          collective.addAll(f.exitCodes());
          break;
        case OOM_KILL:
          oom = true;
          break;
        case NODE_LOSS:
          nodeLoss = true;
          break;
        default:
          preemption = true;
      }
    }
    List<Diagnostic> why = new ArrayList<>();
    List<ContainerRestartRule> rules = new ArrayList<>();
    RecoveryStrategy strategy = RecoveryStrategy.RECREATE;
    retryable.removeAll(collective);
    if (oom && (retryable.remove(137) | collective.remove(137))) {
      why.add(info(SchedulingCode.RESTART_OOM_NOT_IN_PLACE, "exit code 137 (OOM kill) is left out of the in-place rules: the same memory limit would be hit again"));
    }
    if (!collective.isEmpty()) {
      if (allOn) {
        rules.add(ContainerRestartRule.of(RestartRuleAction.RestartAllContainers, ContainerRestartRule.Operator.In, new ArrayList<>(collective)));
        strategy = RecoveryStrategy.IN_PLACE_POD;
        why.add(info(SchedulingCode.RESTART_ALL_IN_PLACE, "exit codes " + collective + " restart every container of the pod in place (RestartAllContainers):"
            + " init containers re-run, the pod keeps its node, IP, devices and volumes, so no rescheduling and no GPU re-allocation"));
      } else if (rulesOn) {
        retryable.addAll(collective);
        why.add(Diagnostic.builder().code(SchedulingCode.RESTART_ALL_UNAVAILABLE).severity(Severity.WARNING)
            .message("exit codes " + collective + " need every container restarted, but RestartAllContainersOnContainerExits is off in Kubernetes "
                + profile.kubernetesVersion() + "; falling back to restarting the failed container only")
            .hint("enable RestartAllContainersOnContainerExits (beta in 1.36) for a consistent pod-wide restart").build());
      }
    }
    if (!retryable.isEmpty()) {
      if (rulesOn) {
        rules.add(ContainerRestartRule.of(RestartRuleAction.Restart, ContainerRestartRule.Operator.In, new ArrayList<>(retryable)));
        if (strategy == RecoveryStrategy.RECREATE) {
          strategy = RecoveryStrategy.IN_PLACE_CONTAINER;
        }
        why.add(info(SchedulingCode.RESTART_IN_PLACE, "exit codes " + retryable + " restart the container in place (Restart rule): same node, same GPUs, warm caches;"
            + " restartCount grows and CrashLoop backoff still applies"));
      } else {
        why.add(Diagnostic.builder().code(CoreCode.RESTART_RULES_UNAVAILABLE).severity(Severity.WARNING)
            .message("in-place container restart needs ContainerRestartRules, off in Kubernetes " + profile.kubernetesVersion() + "; failures recreate the pod")
            .hint("target Kubernetes 1.35+ (beta, on by default)").build());
      }
    }
    List<JobSetFailureRule> jobSetRules = new ArrayList<>();
    if (preemption) {
      jobSetRules.add(JobSetFailureRule.builder().name("preempted").action(JobSetFailureAction.RestartJobSetAndIgnoreMaxRestarts)
          .addOnJobFailureReasons("PodFailurePolicy").build());
      why.add(info(SchedulingCode.RECREATE_ON_PREEMPTION, "preemption recreates the JobSet without spending maxRestarts; give the Job a podFailurePolicy that fails it on DisruptionTarget"));
    }
    if (nodeLoss || preemption || oom || strategy == RecoveryStrategy.RECREATE) {
      jobSetRules.add(JobSetFailureRule.builder().name("recreate").action(JobSetFailureAction.RestartJobSet).build());
      if (nodeLoss) {
        why.add(info(SchedulingCode.RECREATE_ON_NODE_LOSS, "node loss cannot be recovered in place: the JobSet recreates its Jobs on other nodes (restartStrategy Recreate)"));
      }
    }
    return RestartAdvice.builder()
        .strategy(strategy)
        .rules(rules)
        .jobSetRestartStrategy(jobSetRules.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(JobSetRestartStrategy.Recreate))
        .jobSetRules(jobSetRules)
        .explanation(why)
        .build();
  }

  private static Diagnostic info(SchedulingCode code, String message) {
    return Diagnostic.builder().code(code).severity(Severity.INFO).message(message).build();
  }
}
