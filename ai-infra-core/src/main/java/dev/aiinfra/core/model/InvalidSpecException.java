package dev.aiinfra.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a value type is built with broken rules. It carries <em>every</em> violation found,
 * each with its field path, never just the first.
 */
public final class InvalidSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient List<FieldViolation> violations;

  public InvalidSpecException(List<FieldViolation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  /** Used by Immutables when mandatory attributes are missing; each name becomes a Required violation. */
  public InvalidSpecException(String... missingAttributes) {
    this(
        Arrays.stream(missingAttributes)
            .map(
                name ->
                    FieldViolation.required(
                        FieldPath.of(name.startsWith("Cannot build") ? "" : name),
                        name.startsWith("Cannot build") ? name : "must be set"))
            .collect(Collectors.toList()));
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  private static String describe(List<FieldViolation> violations) {
    if (violations.isEmpty()) {
      return "invalid specification";
    }
    return violations.size()
        + (violations.size() == 1 ? " violation: " : " violations: ")
        + violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; "));
  }
}
