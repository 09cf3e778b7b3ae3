package dev.aiinfra.testing.assertions;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.FieldViolation;
import java.util.List;
import java.util.stream.Collectors;

/** How failure messages print what a result holds: one finding per line, code or path first. */
final class Descriptions {
  private Descriptions() {}

  static String diagnostics(List<Diagnostic> reasons) {
    if (reasons.isEmpty()) {
      return "  (no reasons)";
    }
    return reasons.stream().map(d -> "  " + d.code() + (d.path().isEmpty() ? "" : " at " + d.path()) + ": " + d.message())
        .collect(Collectors.joining("\n"));
  }

  static String violations(List<FieldViolation> violations) {
    if (violations.isEmpty()) {
      return "  (no violations)";
    }
    return violations.stream().map(v -> "  " + v.field() + ": " + v.message()).collect(Collectors.joining("\n"));
  }

  static boolean hasCode(List<Diagnostic> reasons, String code) {
    return reasons.stream().anyMatch(d -> d.code().equals(code));
  }
}
