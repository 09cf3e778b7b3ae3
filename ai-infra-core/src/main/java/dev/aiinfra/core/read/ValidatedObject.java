package dev.aiinfra.core.read;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.render.validation.ObjectValidation;
import dev.aiinfra.core.render.validation.ObjectVerdict;
import java.util.List;

/**
 * One object of the input with its file and document, the validator's answer, every violation
 * (the validator's and a repeat of an earlier object, which {@code apply} would refuse), and the
 * verdict.
 */
public record ValidatedObject(SourcedObject source, ObjectValidation validation, List<FieldViolation> violations, ObjectVerdict verdict) {
  public ValidatedObject {
    violations = List.copyOf(violations);
  }

  /** Whether the object passes (valid, or of an unknown kind the caller accepts). */
  public boolean valid() {
    return verdict.passes();
  }
}
