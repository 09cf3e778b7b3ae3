package dev.aiinfra.scheduling.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/** One JobSet failure-policy rule: which Job failures it matches and what it does. */
@Value.Immutable
public abstract class JobSetFailureRule {
  /** The batch/v1 Job failure reasons a rule may name. */
  public static final Set<String> JOB_FAILURE_REASONS =
      Set.of("BackoffLimitExceeded", "DeadlineExceeded", "FailedIndexes", "MaxFailedIndexesExceeded", "PodFailurePolicy");

  public abstract String name();

  public abstract JobSetFailureAction action();

  public abstract List<String> onJobFailureReasons();

  /** RE2 patterns over the Job failure message. */
  public abstract List<String> onJobFailureMessagePatterns();

  public abstract List<String> targetReplicatedJobs();

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    for (int i = 0; i < onJobFailureReasons().size(); i++) {
      if (!JOB_FAILURE_REASONS.contains(onJobFailureReasons().get(i))) {
        v.notSupported(FieldPath.of("onJobFailureReasons").index(i), onJobFailureReasons().get(i), JOB_FAILURE_REASONS.stream().sorted().toList());
      }
    }
    for (int i = 0; i < onJobFailureMessagePatterns().size(); i++) {
      try {
        java.util.regex.Pattern.compile(onJobFailureMessagePatterns().get(i));
      } catch (java.util.regex.PatternSyntaxException e) {
        v.invalid(FieldPath.of("onJobFailureMessagePatterns").index(i), onJobFailureMessagePatterns().get(i), "must be a valid regular expression: " + e.getDescription());
      }
    }
    v.throwIfAny();
  }

  /** Builder for {@link JobSetFailureRule}. */
  public static final class Builder extends ImmutableJobSetFailureRule.Builder {}
}
