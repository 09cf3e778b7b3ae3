package dev.aiinfra.dra.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.ReadLimits;
import dev.aiinfra.core.render.validation.ObjectValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DraRulesTest {
  private static List<String> violations(String yaml) {
    var object = ManifestReader.with(ReadLimits.defaults().withAllowUnnamed(true)).readString("in.yaml", yaml).get(0).object();
    return ObjectValidator.of(DraRules.all()).validate(object).violations().stream().map(FieldViolation::toString).toList();
  }

  @Test
  void a_claim_dra_allocate_refuses_is_invalid_at_the_same_field() {
    assertThat(violations("""
        apiVersion: resource.k8s.io/v1
        kind: ResourceClaim
        metadata: {name: c}
        spec:
          devices:
            requests:
            - name: gpu
              exactly: {deviceClassName: gpu.example.com, allocationMode: Some}
        """)).singleElement().asString().startsWith("spec.devices.requests[0].exactly.allocationMode: Unsupported value: \"Some\"");
  }

  @Test
  void a_v1beta1_claim_is_checked_as_its_v1_form_at_the_fields_written() {
    assertThat(violations("""
        apiVersion: resource.k8s.io/v1beta1
        kind: ResourceClaim
        metadata: {name: c}
        spec:
          devices:
            requests:
            - {name: gpu, deviceClassName: gpu.example.com, allocationMode: Some}
        """)).singleElement().asString().startsWith("spec.devices.requests[0].allocationMode: Unsupported value: \"Some\"");
  }

  @Test
  void a_v1beta2_slice_is_checked_like_a_v1_slice() {
    assertThat(violations("""
        apiVersion: resource.k8s.io/v1beta2
        kind: ResourceSlice
        metadata: {name: s}
        spec:
          driver: gpu.example.com
          pool: {name: p, generation: 1, resourceSliceCount: 1}
        """)).singleElement().asString().contains("exactly one of `nodeName`");
  }

  @Test
  void a_pod_claim_name_that_is_not_a_dns_label_is_invalid() {
    assertThat(violations("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: c, image: i}]
          resourceClaims: [{name: GPU, resourceClaimName: c}]
        """)).singleElement().asString().startsWith("spec.resourceClaims[0].name: Invalid value: \"GPU\"");
  }

  @Test
  void a_valid_claim_and_objects_of_other_kinds_have_no_violations() {
    assertThat(violations("""
        apiVersion: resource.k8s.io/v1
        kind: ResourceClaim
        metadata: {name: c}
        spec:
          devices:
            requests:
            - name: gpu
              exactly: {deviceClassName: gpu.example.com}
        """)).isEmpty();
    assertThat(violations("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")).isEmpty();
  }

  @Test
  void an_unnamed_pod_or_claim_is_checked_too() {
    assertThat(violations("apiVersion: v1\nkind: Pod\nmetadata: {generateName: p-}\nspec:\n  containers: [{name: c, image: i}]\n"
        + "  resourceClaims: [{name: GPU, resourceClaimName: c}]\n")).singleElement().asString().startsWith("spec.resourceClaims[0].name");
    assertThat(violations("apiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata: {}\nspec: {devices: {requests: [{name: g, exactly: "
        + "{deviceClassName: c}}]}}\n")).isEmpty();
  }

  @Test
  void an_allocation_result_without_its_device_is_required_at_its_field() {
    assertThat(violations("""
        apiVersion: resource.k8s.io/v1
        kind: ResourceClaim
        metadata: {name: c}
        spec:
          devices:
            requests:
            - name: gpu
              exactly: {deviceClassName: gpu.example.com}
        status:
          allocation:
            devices:
              results:
              - {request: gpu, driver: gpu.example.com, pool: node-a}
        """)).containsExactly("status.allocation.devices.results[0].device: Required value");
  }
}
