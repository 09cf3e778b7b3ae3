package dev.aiinfra.scheduling.policy.kueue;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.scheduling.model.SchedulingCode;
import java.util.Objects;

/**
 * One rule a Kueue object breaks: the object ({@code ClusterQueue gpu}), the stable code, the field
 * violation in the API server's shape ({@code spec.resourceGroups[0].flavors[0].resources[1].lendingLimit:
 * Invalid value: "9": must be less than or equal to the nominalQuota}) and what to do about it.
 */
public record KueueFinding(String object, SchedulingCode code, FieldViolation violation, String hint) {
  public KueueFinding {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(violation, "violation");
    Objects.requireNonNull(hint, "hint");
  }

  /** As a diagnostic: an error with the code, the object and field as its path, the hint. */
  public Diagnostic diagnostic() {
    return Diagnostic.builder().code(code).path(object + ": " + violation.field())
        .message(violation.message()).hint(hint).build();
  }

  @Override
  public String toString() {
    return code + " " + object + ": " + violation;
  }
}
