package dev.aiinfra.testing.assertions;

import static dev.aiinfra.sandbox.model.pss.PodSecurityLevel.BASELINE;
import static dev.aiinfra.sandbox.model.pss.PodSecurityLevel.RESTRICTED;
import static dev.aiinfra.testing.assertions.AiInfraAssertions.assertThat;
import static dev.aiinfra.testing.assertions.AiInfraAssertions.assertThatThrownBy;

import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import dev.aiinfra.sandbox.policy.pss.PodSecurityVerdict;
import dev.aiinfra.sandbox.render.pss.ObjectReview;
import dev.aiinfra.sandbox.render.pss.PodSecurityReviews;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class PodSecurityAssertTest {
  /** A plain pod: allowed at baseline, not at restricted (it may run as root, escalate, keep capabilities). */
  static ObjectReview plainPod() {
    Pod pod = new PodBuilder().withNewMetadata().withName("web").withNamespace("ml").endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer().endSpec().build();
    return PodSecurityReviews.review(pod, PodSecurityVersion.latest());
  }

  static PodSecurityVerdict restrictedVerdict() {
    return plainPod().templates().get(0).restricted();
  }

  @Test
  void a_plain_pod_is_allowed_at_baseline_and_violates_restricted_checks() {
    assertThat(plainPod()).isAllowedAt(BASELINE).isNotAllowedAt(RESTRICTED).violatesAt(RESTRICTED, "runAsNonRoot", "allowPrivilegeEscalation");
  }

  @Test
  void a_verdict_names_its_failing_checks() {
    assertThat(restrictedVerdict()).isNotAllowed().violates("runAsNonRoot");
    assertThat(plainPod().templates().get(0).baseline()).isAllowed();
  }

  @Test
  void is_allowed_at_fails_with_every_violation() {
    assertThatThrownBy(() -> assertThat(plainPod()).isAllowedAt(RESTRICTED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected Pod ml/web to be allowed at restricted, but it violates")
        .hasMessageContaining("runAsNonRoot: ");
  }

  @Test
  void violates_at_fails_with_the_checks_that_did_fail() {
    assertThatThrownBy(() -> assertThat(plainPod()).violatesAt(BASELINE, "privileged"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected checks [privileged] to fail for Pod ml/web at baseline, but the failing checks were []");
  }

  @Test
  void a_verdict_that_is_not_allowed_fails_is_allowed_with_the_admission_message() {
    assertThatThrownBy(() -> assertThat(restrictedVerdict()).isAllowed())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the pod to be allowed, but it violates PodSecurity \"restricted:latest\"");
  }
}
