package dev.aiinfra.scheduling.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import org.immutables.value.Value;

/** A failure a training job expects, as input to the restart advisor. */
@Value.Immutable
public abstract class ExpectedFailure {
  /** What fails and how much has to restart to recover. */
  public enum Kind {
    /** A process exits with a known code and can simply run again (a flaky step, a retryable I/O error). */
    RETRYABLE_EXIT,
    /** A process exits and every container of the pod must restart together (a broken collective, a hung barrier). */
    COLLECTIVE_EXIT,
    /** The container is OOM-killed (exit 137). */
    OOM_KILL,
    /** The node (or its GPUs) goes away. */
    NODE_LOSS,
    /** The pod is preempted or evicted (DisruptionTarget). */
    PREEMPTION
  }

  @Value.Parameter
  public abstract Kind kind();

  /** Exit codes, for the exit kinds. */
  @Value.Parameter
  public abstract List<Integer> exitCodes();

  public static ExpectedFailure of(Kind kind, Integer... exitCodes) {
    return ImmutableExpectedFailure.of(kind, List.of(exitCodes));
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    boolean exits = kind() == Kind.RETRYABLE_EXIT || kind() == Kind.COLLECTIVE_EXIT;
    if (exits && exitCodes().isEmpty()) {
      v.required(FieldPath.of("exitCodes"), "exit-code failures name their exit codes");
    }
    for (int i = 0; i < exitCodes().size(); i++) {
      int c = exitCodes().get(i);
      if (c < 1 || c > 255) {
        v.invalid(FieldPath.of("exitCodes").index(i), c, "must be a failing exit code, 1 to 255");
      }
    }
    v.throwIfAny();
  }
}
