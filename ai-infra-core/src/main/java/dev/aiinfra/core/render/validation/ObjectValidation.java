package dev.aiinfra.core.render.validation;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.manifest.ObjectKey;
import java.util.List;

/**
 * The validation verdict for one object: its identity, every rule it breaks, and whether its kind
 * is one ai-infra knows. Of an unknown kind (a CRD ai-infra has no model for) only the metadata is
 * checked, so such an object is not called valid unless the caller chooses to ignore unknown kinds.
 */
public record ObjectValidation(String apiVersion, ObjectKey key, List<FieldViolation> violations, boolean kindKnown) {
  /**
   * {@code kindKnown}: whether ai-infra has a model of this apiVersion and kind; when not, only the
   * metadata was checked ("not checked: unknown kind").
   */
  public ObjectValidation {
    violations = List.copyOf(violations);
  }

  /** No rule broken, and the kind is known: an unknown kind is not known to be valid. */
  public boolean valid() {
    return valid(false);
  }

  /**
   * No rule broken; with {@code ignoreUnknownKind}, an object of an unknown kind counts as valid
   * when its metadata is (for inputs that mix in CRDs the caller checks elsewhere).
   */
  public boolean valid(boolean ignoreUnknownKind) {
    return violations.isEmpty() && (kindKnown || ignoreUnknownKind);
  }
}
