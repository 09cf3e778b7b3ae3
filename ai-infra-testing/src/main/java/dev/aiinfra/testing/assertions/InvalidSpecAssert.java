package dev.aiinfra.testing.assertions;

import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.model.InvalidSpecException;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the violations a builder refused a value type with ({@link InvalidSpecException}
 * lists every one, each at its field path), e.g. {@code
 * assertThat(catchThrowableOfType(InvalidSpecException.class, () -> builder.build())).hasViolation("spec.replicatedJobs", Required)}.
 */
public final class InvalidSpecAssert extends AbstractAssert<InvalidSpecAssert, InvalidSpecException> {
  InvalidSpecAssert(InvalidSpecException actual) {
    super(actual, InvalidSpecAssert.class);
  }

  /** Some rule is broken at this field path. */
  public InvalidSpecAssert hasViolation(String path) {
    isNotNull();
    if (actual.violations().stream().noneMatch(v -> v.field().equals(path))) {
      failWithMessage("%s", "Expected a violation at " + path + ", but the violations were:\n" + Descriptions.violations(actual.violations()));
    }
    return this;
  }

  /** A rule of this type is broken at this field path. */
  public InvalidSpecAssert hasViolation(String path, FieldErrorType type) {
    isNotNull();
    if (actual.violations().stream().noneMatch(v -> v.field().equals(path) && v.type() == type)) {
      failWithMessage("%s", "Expected a violation " + type + " at " + path + ", but the violations were:\n" + Descriptions.violations(actual.violations()));
    }
    return this;
  }
}
