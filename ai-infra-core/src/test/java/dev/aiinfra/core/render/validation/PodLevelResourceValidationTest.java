package dev.aiinfra.core.render.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.read.ManifestReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code validate} on pod-level {@code spec.resources} (KEP-2837), as the API server checks them at create. */
class PodLevelResourceValidationTest {
  private static List<String> violations(String yaml) {
    return ObjectValidator.core().validate(ManifestReader.withDefaults().readString("test.yaml", yaml).get(0).object())
        .violations().stream().map(FieldViolation::toString).toList();
  }

  private static String pod(String resources, String containerResources) {
    return "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  resources: " + resources
        + "\n  containers:\n  - name: c\n    image: nginx\n    resources: " + containerResources + "\n";
  }

  @Test
  void a_pod_whose_pod_level_request_covers_its_containers_is_valid() {
    assertThat(violations(pod("{requests: {cpu: '2'}, limits: {cpu: '4', memory: 8Gi}}", "{requests: {cpu: '1'}}"))).isEmpty();
  }

  @Test
  void a_pod_level_request_below_the_defaulted_container_requests_is_invalid() {
    // the container's request defaults to its 2-CPU limit first, then exceeds the pod's 1
    assertThat(violations(pod("{requests: {cpu: '1'}}", "{limits: {cpu: '2'}}")))
        .contains("spec.resources.requests[cpu]: Invalid value: \"1\": must be greater than or equal to aggregate container requests of 2");
  }

  @Test
  void a_template_is_checked_as_written_without_defaulting_container_requests() {
    String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {a: b}}\n"
        + "  template:\n    metadata: {labels: {a: b}}\n    spec:\n      resources: {requests: {cpu: '1'}}\n"
        + "      containers:\n      - name: c\n        image: nginx\n        resources: {limits: {cpu: '2'}}\n";
    assertThat(violations(deployment)).noneMatch(v -> v.contains("aggregate container requests"));
  }

  @Test
  void an_extended_resource_at_pod_level_is_not_supported() {
    assertThat(violations(pod("{limits: {nvidia.com/gpu: '1', cpu: '1'}}", "{}")))
        .contains("spec.resources.limits[nvidia.com/gpu]: Unsupported value: \"nvidia.com/gpu\": supported values: \"cpu\", \"hugepages-\", \"memory\"");
  }

  @Test
  void a_malformed_pod_level_quantity_is_invalid_at_its_path() {
    assertThat(violations(pod("{requests: {cpu: 2cores}}", "{}"))).anyMatch(v -> v.startsWith("spec.resources.requests[cpu]: Invalid value: \"2cores\""));
  }
}
