package dev.aiinfra.sandbox.render.pss;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.sandbox.model.pss.PodSecurityView;
import java.util.List;
import java.util.Optional;

/** A pod spec read for Pod Security: the view when every field had the right type, else every type error. */
public record PodSecurityReading(Optional<PodSecurityView> view, List<FieldViolation> violations) {
  public PodSecurityReading {
    violations = List.copyOf(violations);
  }

  public boolean isValid() {
    return violations.isEmpty();
  }
}
