package dev.aiinfra.core.model.validation;

import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.SpecPart;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Collects every {@link FieldViolation} of one validation pass, like the API server's
 * {@code field.ErrorList}, and throws them together. Not thread-safe; one per validation.
 */
public final class Violations {
  private final List<FieldViolation> found = new ArrayList<>();

  public Violations add(FieldViolation violation) {
    found.add(violation);
    return this;
  }

  public Violations addAll(Collection<FieldViolation> violations) {
    found.addAll(violations);
    return this;
  }

  /** Adds every violation of a part held at {@code at}, with paths below it ({@code decode} + {@code tp}). */
  public Violations nested(FieldPath at, SpecPart part) {
    for (FieldViolation v : part.violations()) {
      add(v.under(at));
    }
    return this;
  }

  /** Adds every violation of a list of parts held at {@code at}, each below its index ({@code roles[1].tp}). */
  public Violations nested(FieldPath at, List<? extends SpecPart> parts) {
    for (int i = 0; i < parts.size(); i++) {
      nested(at.index(i), parts.get(i));
    }
    return this;
  }

  public Violations required(FieldPath path, String detail) {
    return add(FieldViolation.required(path, detail));
  }

  public Violations invalid(FieldPath path, Object value, String detail) {
    return add(FieldViolation.invalid(path, value, detail));
  }

  /** Adds one Invalid violation per message of a {@link NameRules} check. */
  public Violations checkName(FieldPath path, String value, List<String> ruleErrors) {
    for (String e : ruleErrors) {
      invalid(path, value, e);
    }
    return this;
  }

  public Violations tooLong(FieldPath path, int max) {
    return add(FieldViolation.of(path, FieldErrorType.TooLong, "may not be more than " + max + " characters"));
  }

  public Violations tooMany(FieldPath path, int actual, int max) {
    return add(
        FieldViolation.of(
            path, FieldErrorType.TooMany, actual, "must have at most " + max + " items"));
  }

  public Violations notSupported(FieldPath path, Object value, Collection<?> supported) {
    String list =
        supported.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
    return add(FieldViolation.of(path, FieldErrorType.NotSupported, value, "supported values: " + list));
  }

  public Violations duplicate(FieldPath path, Object value) {
    return add(FieldViolation.of(path, FieldErrorType.Duplicate, value, ""));
  }

  public Violations forbidden(FieldPath path, String detail) {
    return add(FieldViolation.of(path, FieldErrorType.Forbidden, detail));
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  public List<FieldViolation> list() {
    return List.copyOf(found);
  }

  /** Throws {@link InvalidSpecException} with everything collected, if anything was. */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new InvalidSpecException(found);
    }
  }
}
