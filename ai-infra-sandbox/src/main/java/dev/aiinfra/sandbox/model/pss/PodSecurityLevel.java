package dev.aiinfra.sandbox.model.pss;

import java.util.Locale;
import java.util.Optional;

/** The Pod Security Standards levels ({@code pod-security.kubernetes.io/enforce} values). */
public enum PodSecurityLevel {
  PRIVILEGED,
  BASELINE,
  RESTRICTED;

  /** The label value: {@code privileged}, {@code baseline} or {@code restricted}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PodSecurityLevel> parse(String label) {
    for (PodSecurityLevel l : values()) {
      if (l.label().equals(label)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
