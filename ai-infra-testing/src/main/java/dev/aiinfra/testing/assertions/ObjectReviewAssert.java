package dev.aiinfra.testing.assertions;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.policy.pss.PodSecurityViolation;
import dev.aiinfra.sandbox.render.pss.ObjectReview;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the Pod Security review of one object ({@code PodSecurityReviews.review}): a Pod
 * or every pod template of a workload, at the {@code baseline} or {@code restricted} level.
 */
public final class ObjectReviewAssert extends AbstractAssert<ObjectReviewAssert, ObjectReview> {
  ObjectReviewAssert(ObjectReview actual) {
    super(actual, ObjectReviewAssert.class);
  }

  public ObjectReviewAssert isAllowedAt(PodSecurityLevel level) {
    isNotNull();
    if (!actual.allowed(level)) {
      failWithMessage("%s", "Expected " + object() + " to be allowed at " + level.label() + ", but it violates"
          + PodSecurityVerdictAssert.describe(actual.violations(level)));
    }
    return this;
  }

  public ObjectReviewAssert isNotAllowedAt(PodSecurityLevel level) {
    isNotNull();
    if (actual.allowed(level)) {
      failWithMessage("%s", "Expected " + object() + " not to be allowed at " + level.label() + ", but it is");
    }
    return this;
  }

  /** These upstream checks fail at the level, in some pod template (others may fail too). */
  public ObjectReviewAssert violatesAt(PodSecurityLevel level, String... checks) {
    isNotNull();
    List<String> failing = actual.violations(level).stream().map(PodSecurityViolation::check).distinct().toList();
    List<String> missing = List.of(checks).stream().filter(c -> !failing.contains(c)).toList();
    if (!missing.isEmpty()) {
      failWithMessage("%s", "Expected checks " + missing + " to fail for " + object() + " at " + level.label() + ", but the failing checks were "
          + failing + PodSecurityVerdictAssert.describe(actual.violations(level)));
    }
    return this;
  }

  private String object() {
    return actual.kind() + " " + (actual.namespace().isEmpty() ? "" : actual.namespace() + "/") + actual.name();
  }
}
