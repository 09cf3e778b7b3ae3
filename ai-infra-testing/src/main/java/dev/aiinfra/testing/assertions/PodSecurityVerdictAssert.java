package dev.aiinfra.testing.assertions;

import dev.aiinfra.sandbox.policy.pss.PodSecurityVerdict;
import dev.aiinfra.sandbox.policy.pss.PodSecurityViolation;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one pod's Pod Security Standards verdict ({@code PodSecurity.evaluate}): allowed or
 * not at its level and version, and which upstream checks ({@code runAsNonRoot},
 * {@code seccompProfile_restricted}, …) fail.
 */
public final class PodSecurityVerdictAssert extends AbstractAssert<PodSecurityVerdictAssert, PodSecurityVerdict> {
  PodSecurityVerdictAssert(PodSecurityVerdict actual) {
    super(actual, PodSecurityVerdictAssert.class);
  }

  public PodSecurityVerdictAssert isAllowed() {
    isNotNull();
    if (!actual.allowed()) {
      failWithMessage("%s", "Expected the pod to be allowed, but it " + actual.message());
    }
    return this;
  }

  public PodSecurityVerdictAssert isNotAllowed() {
    isNotNull();
    if (actual.allowed()) {
      failWithMessage("%s", "Expected the pod not to be allowed, but it is " + actual.message());
    }
    return this;
  }

  /** These upstream checks fail (others may fail too). */
  public PodSecurityVerdictAssert violates(String... checks) {
    isNotNull();
    List<String> missing = List.of(checks).stream().filter(c -> !actual.failingChecks().contains(c)).toList();
    if (!missing.isEmpty()) {
      failWithMessage("%s", "Expected checks " + missing + " to fail at " + actual.level().label() + ":" + actual.version().label()
          + ", but the failing checks were " + actual.failingChecks() + describe(actual.violations()));
    }
    return this;
  }

  static String describe(List<PodSecurityViolation> violations) {
    if (violations.isEmpty()) {
      return "";
    }
    return ":\n" + violations.stream().map(v -> "  " + v.check() + ": " + v.message()).collect(Collectors.joining("\n"));
  }
}
