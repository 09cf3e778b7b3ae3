package dev.aiinfra.core.read;

import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.render.validation.ObjectValidation;
import dev.aiinfra.core.render.validation.ObjectValidator;
import dev.aiinfra.core.render.validation.ObjectVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validation of a whole input, as {@code kubectl apply --dry-run=server} would judge it object by
 * object: every object against the validator's API rules, plus the rule that an object
 * (apiVersion, kind, namespace, name) appears once — a repeat is a {@code Duplicate} at
 * {@code metadata.name}, since {@code apply} and {@code dns tune} refuse it. Objects of kinds
 * ai-infra has no model of are "not checked" unless the caller ignores unknown kinds.
 *
 * @param objects every object in input order
 * @param ignoreUnknownKinds whether objects of unknown kinds with valid metadata pass
 */
public record ManifestValidation(List<ValidatedObject> objects, boolean ignoreUnknownKinds) {
  public ManifestValidation {
    objects = List.copyOf(objects);
  }

  /** Validates {@code input} with {@code validator}; unknown kinds pass only with {@code ignoreUnknownKinds}. */
  public static ManifestValidation validate(List<SourcedObject> input, ObjectValidator validator, boolean ignoreUnknownKinds) {
    Map<SourcedObject, SourcedObject> repeats = DuplicateObjects.repeats(input);
    List<ValidatedObject> results = new ArrayList<>();
    for (SourcedObject o : input) {
      ObjectValidation v = validator.validate(o.object());
      List<FieldViolation> violations = new ArrayList<>(v.violations());
      SourcedObject earlier = repeats.get(o);
      if (earlier != null) {
        violations.add(FieldViolation.of(FieldPath.of("metadata.name"), FieldErrorType.Duplicate, v.key().toString(),
            DuplicateObjects.detail(earlier)));
      }
      results.add(new ValidatedObject(o, v, violations, verdict(violations.isEmpty(), v.kindKnown(), ignoreUnknownKinds)));
    }
    return new ManifestValidation(results, ignoreUnknownKinds);
  }

  private static ObjectVerdict verdict(boolean noViolations, boolean kindKnown, boolean ignoreUnknownKinds) {
    if (!noViolations) {
      return ObjectVerdict.INVALID;
    }
    if (kindKnown) {
      return ObjectVerdict.VALID;
    }
    return ignoreUnknownKinds ? ObjectVerdict.UNKNOWN_KIND_ACCEPTED : ObjectVerdict.NOT_CHECKED;
  }

  /** Whether every object passes. */
  public boolean valid() {
    return objects.stream().allMatch(ValidatedObject::valid);
  }

  /** How many objects break a rule. */
  public int invalidCount() {
    return (int) objects.stream().filter(o -> o.verdict() == ObjectVerdict.INVALID).count();
  }

  /** How many objects are of kinds ai-infra has no model of (only their metadata was checked). */
  public int unknownKindCount() {
    return (int) objects.stream().filter(o -> !o.validation().kindKnown()).count();
  }
}
