package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import java.util.List;
import java.util.StringJoiner;

/** The result of evaluating one pod at one level and version: allowed, or every failing check. */
public record PodSecurityVerdict(PodSecurityLevel level, PodSecurityVersion version, List<PodSecurityViolation> violations) {
  public PodSecurityVerdict {
    violations = List.copyOf(violations);
  }

  public boolean allowed() {
    return violations.isEmpty();
  }

  /** The failing check IDs in registry order. */
  public List<String> failingChecks() {
    return violations.stream().map(PodSecurityViolation::check).toList();
  }

  /** The admission message: {@code violates PodSecurity "restricted:latest": reason (detail), …}. */
  public String message() {
    if (allowed()) {
      return "allowed by PodSecurity \"" + level.label() + ":" + version.label() + "\"";
    }
    StringJoiner j = new StringJoiner(", ");
    violations.forEach(v -> j.add(v.message()));
    return "violates PodSecurity \"" + level.label() + ":" + version.label() + "\": " + j;
  }
}
