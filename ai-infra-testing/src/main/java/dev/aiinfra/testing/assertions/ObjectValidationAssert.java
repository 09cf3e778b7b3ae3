package dev.aiinfra.testing.assertions;

import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.render.validation.ObjectValidation;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the validation verdict of one Kubernetes object ({@code ObjectValidator.validate}):
 * valid, or which rule it breaks at which field path, in the API server's terms ({@code Required},
 * {@code Invalid}, …).
 */
public final class ObjectValidationAssert extends AbstractAssert<ObjectValidationAssert, ObjectValidation> {
  ObjectValidationAssert(ObjectValidation actual) {
    super(actual, ObjectValidationAssert.class);
  }

  /** No rule broken, and the kind is one ai-infra checks. */
  public ObjectValidationAssert isValid() {
    isNotNull();
    if (!actual.valid()) {
      failWithMessage("%s", "Expected " + object() + " to be valid, but "
          + (actual.violations().isEmpty() ? "its kind is not checked (unknown kind)" : "it breaks:\n" + Descriptions.violations(actual.violations())));
    }
    return this;
  }

  public ObjectValidationAssert isNotValid() {
    isNotNull();
    if (actual.valid()) {
      failWithMessage("%s", "Expected " + object() + " not to be valid, but it is");
    }
    return this;
  }

  /** Some rule is broken at this field path ({@code spec.containers[0].image}). */
  public ObjectValidationAssert hasViolation(String path) {
    isNotNull();
    if (actual.violations().stream().noneMatch(v -> v.field().equals(path))) {
      failWithMessage("%s", "Expected a violation at " + path + " in " + object() + ", but the violations were:\n"
          + Descriptions.violations(actual.violations()));
    }
    return this;
  }

  /** A rule of this type ({@code Required}, {@code Invalid}, {@code Duplicate}, …) is broken at this field path. */
  public ObjectValidationAssert hasViolation(String path, FieldErrorType type) {
    isNotNull();
    if (actual.violations().stream().noneMatch(v -> v.field().equals(path) && v.type() == type)) {
      failWithMessage("%s", "Expected a violation " + type + " at " + path + " in " + object() + ", but the violations were:\n"
          + Descriptions.violations(actual.violations()));
    }
    return this;
  }

  private String object() {
    return actual.key().toString();
  }
}
