package dev.aiinfra.testing.assertions;

import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.render.validation.ObjectValidation;
import dev.aiinfra.dra.policy.AllocationOutcome;
import dev.aiinfra.sandbox.policy.pss.PodSecurityVerdict;
import dev.aiinfra.sandbox.render.pss.ObjectReview;
import dev.aiinfra.scheduling.policy.placement.GangResult;
import dev.aiinfra.scheduling.policy.placement.PlacementResult;
import org.assertj.core.api.Assertions;

/**
 * AssertJ's {@link Assertions} plus assertions for ai-infra's results: gang placement, DRA
 * allocation, Pod Security verdicts and object validation. One static import serves both:
 *
 * <pre>{@code
 * import static dev.aiinfra.testing.assertions.AiInfraAssertions.assertThat;
 *
 * assertThat(cluster.place(gang)).doesNotFit().because("GANG_TOPOLOGY_NOT_FIT");
 * assertThat(cluster.allocate("node-0", claim)).isSatisfiable().allocates("gpu", 2);
 * assertThat(PodSecurityReviews.review(pod, version)).isAllowedAt(BASELINE).violatesAt(RESTRICTED, "runAsNonRoot");
 * assertThat(ObjectValidator.core().validate(pod)).hasViolation("spec.dnsPolicy", NotSupported);
 * }</pre>
 */
public class AiInfraAssertions extends Assertions {
  /** Extended, like {@link Assertions}, by users who add assertions of their own. */
  protected AiInfraAssertions() {}

  /** Assertions on the outcome of {@code GangPlacement.place}: every gang, or why not. */
  public static PlacementResultAssert assertThat(PlacementResult actual) {
    return new PlacementResultAssert(actual);
  }

  /** Assertions on one gang's outcome. */
  public static GangResultAssert assertThat(GangResult actual) {
    return new GangResultAssert(actual);
  }

  /** Assertions on the DRA allocator's answer for one node. */
  public static AllocationOutcomeAssert assertThat(AllocationOutcome actual) {
    return new AllocationOutcomeAssert(actual);
  }

  /** Assertions on one pod's Pod Security verdict at one level and version. */
  public static PodSecurityVerdictAssert assertThat(PodSecurityVerdict actual) {
    return new PodSecurityVerdictAssert(actual);
  }

  /** Assertions on the Pod Security review of one object (every pod template, both levels). */
  public static ObjectReviewAssert assertThat(ObjectReview actual) {
    return new ObjectReviewAssert(actual);
  }

  /** Assertions on the validation verdict of one Kubernetes object. */
  public static ObjectValidationAssert assertThat(ObjectValidation actual) {
    return new ObjectValidationAssert(actual);
  }

  /** Assertions on the violations a builder refused a value type with. */
  public static InvalidSpecAssert assertThat(InvalidSpecException actual) {
    return new InvalidSpecAssert(actual);
  }
}
