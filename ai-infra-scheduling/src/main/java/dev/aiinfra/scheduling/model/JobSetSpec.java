package dev.aiinfra.scheduling.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A JobSet ({@code jobset.x-k8s.io/v1alpha2}): replicated jobs, failure policy (max restarts,
 * restart strategy including KEP-467 {@code InPlaceRestart}, rules), success policy, exclusive
 * placement per topology domain, and raw extra fields. Building one checks the API's and the
 * webhook's rules and reports every violation; {@code InPlaceRestart}'s preconditions (backoffLimit
 * MaxInt32, podReplacementPolicy Failed, completions equal to parallelism, set explicitly) included.
 */
@Value.Immutable
public abstract class JobSetSpec implements WithJobSetSpec {
  /** {@code successPolicy.operator}. */
  public enum SuccessOperator {
    All,
    Any
  }

  public abstract String name();

  @Value.Default
  public String namespace() {
    return "default";
  }

  public abstract Map<String, String> labels();

  public abstract Map<String, String> annotations();

  public abstract List<ReplicatedJob> replicatedJobs();

  public abstract Optional<Integer> maxRestarts();

  public abstract Optional<JobSetRestartStrategy> restartStrategy();

  public abstract List<JobSetFailureRule> failureRules();

  public abstract Optional<SuccessOperator> successOperator();

  public abstract List<String> successTargetReplicatedJobs();

  /** {@code alpha.jobset.sigs.k8s.io/exclusive-topology}: one Job per domain of this node label. */
  public abstract Optional<String> exclusiveTopology();

  public abstract Optional<Integer> ttlSecondsAfterFinished();

  @Value.Default
  public boolean suspend() {
    return false;
  }

  public abstract Map<String, Object> extraFields();

  public static Builder builder() {
    return new Builder();
  }

  /** Every pod the JobSet runs at once: Σ replicas × parallelism. */
  public int pods() {
    return replicatedJobs().stream().mapToInt(ReplicatedJob::pods).sum();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("metadata.name"), name(), NameRules.dns1035Label(name()));
    FieldPath rjobs = FieldPath.of("spec.replicatedJobs");
    if (replicatedJobs().isEmpty()) {
      v.required(rjobs, "a JobSet needs at least one replicated job");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < replicatedJobs().size(); i++) {
      ReplicatedJob rj = replicatedJobs().get(i);
      FieldPath at = rjobs.index(i);
      v.checkName(at.child("name"), rj.name(), NameRules.dns1123Label(rj.name()));
      if (!names.add(rj.name())) {
        v.duplicate(at.child("name"), rj.name());
      }
      if (rj.replicas() < 0) {
        v.invalid(at.child("replicas"), rj.replicas(), "must be greater than or equal to 0");
      }
      if (rj.parallelism() < 1) {
        v.invalid(at.child("template.spec.parallelism"), rj.parallelism(), "must be at least 1");
      }
      String longestPod = name() + "-" + rj.name() + "-" + Math.max(0, rj.replicas() - 1) + "-" + Math.max(0, rj.completions() - 1);
      if (longestPod.length() > 63) {
        v.add(dev.aiinfra.core.model.FieldViolation.invalid(at.child("name"), rj.name(),
            "pod names such as " + longestPod + " would be longer than 63 characters; shorten the JobSet or replicated job name"));
      }
      if (i == 0 && !rj.dependsOn().isEmpty()) {
        v.forbidden(at.child("dependsOn"), "the first replicated job cannot depend on another");
      }
      if (rj.dependsOn().size() > 1) {
        v.tooMany(at.child("dependsOn"), rj.dependsOn().size(), 1);
      }
      for (String dep : rj.dependsOn().keySet()) {
        boolean earlier = replicatedJobs().subList(0, i).stream().anyMatch(r -> r.name().equals(dep));
        if (!earlier) {
          v.invalid(at.child("dependsOn").key(dep), dep, "must name an earlier replicated job");
        }
      }
      if (restartStrategy().orElse(JobSetRestartStrategy.Recreate) == JobSetRestartStrategy.InPlaceRestart) {
        if (rj.backoffLimit().orElse(0) != Integer.MAX_VALUE) {
          v.invalid(at.child("template.spec.backoffLimit"), rj.backoffLimit().map(String::valueOf).orElse("unset"),
              "must be 2147483647 (MaxInt32) with restartStrategy InPlaceRestart");
        }
        if (!"Failed".equals(rj.podReplacementPolicy().orElse(""))) {
          v.invalid(at.child("template.spec.podReplacementPolicy"), rj.podReplacementPolicy().orElse("unset"),
              "must be Failed with restartStrategy InPlaceRestart");
        }
        if (rj.completions() != rj.parallelism()) {
          v.invalid(at.child("template.spec.completions"), rj.completions(), "must equal parallelism with restartStrategy InPlaceRestart");
        }
      }
    }
    for (int i = 0; i < failureRules().size(); i++) {
      for (String target : failureRules().get(i).targetReplicatedJobs()) {
        if (!names.contains(target)) {
          v.invalid(FieldPath.of("spec.failurePolicy.rules").index(i).child("targetReplicatedJobs"), target, "must name a replicated job");
        }
      }
    }
    for (String target : successTargetReplicatedJobs()) {
      if (!names.contains(target)) {
        v.invalid(FieldPath.of("spec.successPolicy.targetReplicatedJobs"), target, "must name a replicated job");
      }
    }
    maxRestarts().ifPresent(m -> {
      if (m < 0) {
        v.invalid(FieldPath.of("spec.failurePolicy.maxRestarts"), m, "must be greater than or equal to 0");
      }
    });
    v.throwIfAny();
  }

  /** Builder for {@link JobSetSpec}. */
  public static final class Builder extends ImmutableJobSetSpec.Builder {}
}
