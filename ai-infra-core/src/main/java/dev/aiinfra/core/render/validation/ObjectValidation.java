package dev.aiinfra.core.render.validation;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.manifest.ObjectKey;
import java.util.List;

/** The validation verdict for one object: its identity and every rule it breaks. */
public final class ObjectValidation {
  private final String apiVersion;
  private final ObjectKey key;
  private final List<FieldViolation> violations;

  ObjectValidation(String apiVersion, ObjectKey key, List<FieldViolation> violations) {
    this.apiVersion = apiVersion;
    this.key = key;
    this.violations = List.copyOf(violations);
  }

  public String apiVersion() {
    return apiVersion;
  }

  public ObjectKey key() {
    return key;
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  public boolean valid() {
    return violations.isEmpty();
  }
}
