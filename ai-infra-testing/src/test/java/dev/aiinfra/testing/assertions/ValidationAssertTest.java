package dev.aiinfra.testing.assertions;

import static dev.aiinfra.core.model.FieldErrorType.Invalid;
import static dev.aiinfra.core.model.FieldErrorType.NotSupported;
import static dev.aiinfra.core.model.FieldErrorType.Required;
import static dev.aiinfra.testing.assertions.AiInfraAssertions.assertThat;
import static dev.aiinfra.testing.assertions.AiInfraAssertions.assertThatThrownBy;
import static dev.aiinfra.testing.assertions.AiInfraAssertions.catchThrowableOfType;

import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.render.validation.ObjectValidation;
import dev.aiinfra.core.render.validation.ObjectValidator;
import dev.aiinfra.scheduling.model.JobSetSpec;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class ValidationAssertTest {
  static ObjectValidation pod(String dnsPolicy) {
    return ObjectValidator.core().validate(new PodBuilder().withNewMetadata().withName("web").withNamespace("ml").endMetadata()
        .withNewSpec().withDnsPolicy(dnsPolicy).addNewContainer().withName("web").withImage("nginx").endContainer().endSpec().build());
  }

  @Test
  void a_valid_object_passes_is_valid() {
    assertThat(pod("ClusterFirst")).isValid();
  }

  @Test
  void a_broken_rule_is_found_at_its_path_and_type() {
    assertThat(pod("Sometimes")).isNotValid().hasViolation("spec.dnsPolicy").hasViolation("spec.dnsPolicy", NotSupported);
  }

  @Test
  void is_valid_fails_with_every_violation_and_its_path() {
    assertThatThrownBy(() -> assertThat(pod("Sometimes")).isValid())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be valid, but it breaks")
        .hasMessageContaining("spec.dnsPolicy: Unsupported value: \"Sometimes\"");
  }

  @Test
  void has_violation_fails_naming_the_expected_path_and_type_and_the_actual_violations() {
    assertThatThrownBy(() -> assertThat(pod("Sometimes")).hasViolation("spec.dnsPolicy", Invalid))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a violation Invalid at spec.dnsPolicy")
        .hasMessageContaining("spec.dnsPolicy: Unsupported value");
  }

  @Test
  void a_builder_refusal_is_asserted_at_its_field_path() {
    InvalidSpecException refused = catchThrowableOfType(InvalidSpecException.class, () -> JobSetSpec.builder().name("train").build());

    assertThat(refused).hasViolation("spec.replicatedJobs", Required);
    assertThatThrownBy(() -> assertThat(refused).hasViolation("metadata.name"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a violation at metadata.name, but the violations were:\n  spec.replicatedJobs: Required value");
  }
}
