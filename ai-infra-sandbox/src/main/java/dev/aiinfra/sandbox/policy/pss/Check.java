package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import java.util.Optional;

/** One upstream check: its ID, level, the first policy version it runs at, and what it replaces. */
interface Check {
  String id();

  PodSecurityLevel level();

  /** The first policy minor version with an entry for this check. */
  default int sinceMinor() {
    return 0;
  }

  /** The baseline check this restricted check replaces, when it runs. */
  default Optional<String> overrides() {
    return Optional.empty();
  }

  /** The violation, or empty when the pod passes, at policy minor version {@code minor}. */
  Optional<PodSecurityViolation> check(Subject pod, int minor);
}
