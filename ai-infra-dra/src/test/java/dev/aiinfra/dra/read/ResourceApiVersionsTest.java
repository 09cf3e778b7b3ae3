package dev.aiinfra.dra.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.ManifestReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * v1beta2 and v1beta1 objects read as the v1 objects the API server converts them to
 * ({@code pkg/apis/resource/v1beta1/conversion.go}), with problems reported in the shape written.
 */
class ResourceApiVersionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static DraInputs read(String yaml) {
    return DraReader.read(ManifestReader.withDefaults().readString("in.yaml", yaml));
  }

  private static List<String> errors(String yaml) {
    try {
      read(yaml);
      return List.of();
    } catch (ManifestReadException e) {
      return e.errors().stream().map(InputError::toString).toList();
    }
  }

  private static ObjectNode tree(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  private static final String V1_CLAIM = """
      apiVersion: resource.k8s.io/v1
      kind: ResourceClaim
      metadata: {name: c, namespace: ml}
      spec:
        devices:
          requests:
          - name: gpu
            exactly:
              deviceClassName: gpu
              count: 2
              selectors: [{cel: {expression: 'device.attributes["gpu.example.com"].model == "h100"'}}]
          - name: any
            firstAvailable:
            - {name: big, deviceClassName: gpu}
      """;

  private static final String V1BETA1_CLAIM = """
      apiVersion: resource.k8s.io/v1beta1
      kind: ResourceClaim
      metadata: {name: c, namespace: ml}
      spec:
        devices:
          requests:
          - name: gpu
            deviceClassName: gpu
            count: 2
            selectors: [{cel: {expression: 'device.attributes["gpu.example.com"].model == "h100"'}}]
          - name: any
            firstAvailable:
            - {name: big, deviceClassName: gpu}
      """;

  private static final String V1_SLICE = """
      apiVersion: resource.k8s.io/v1
      kind: ResourceSlice
      metadata: {name: s}
      spec:
        driver: gpu.example.com
        nodeName: node-a
        pool: {name: node-a, generation: 1, resourceSliceCount: 1}
        devices:
        - name: gpu-0
          attributes: {model: {string: h100}}
          capacity: {memory: {value: 80Gi}}
          taints: [{key: broken, effect: NoSchedule}]
      """;

  private static final String V1BETA1_SLICE = """
      apiVersion: resource.k8s.io/v1beta1
      kind: ResourceSlice
      metadata: {name: s}
      spec:
        driver: gpu.example.com
        nodeName: node-a
        allNodes: false
        pool: {name: node-a, generation: 1, resourceSliceCount: 1}
        devices:
        - name: gpu-0
          basic:
            attributes: {model: {string: h100}}
            capacity: {memory: {value: 80Gi}}
            taints: [{key: broken, effect: NoSchedule}]
      """;

  @Test
  void a_v1beta1_claim_reads_as_its_v1_form_with_the_request_fields_under_exactly() {
    assertThat(read(V1BETA1_CLAIM).claims()).isEqualTo(read(V1_CLAIM).claims());
  }

  @Test
  void a_v1beta1_claim_template_reads_as_its_v1_form() {
    String template = """
        apiVersion: resource.k8s.io/VERSION
        kind: ResourceClaimTemplate
        metadata: {name: t, namespace: ml}
        spec:
          spec:
            devices:
              requests:
              - name: gpu
                REQUEST
        """;
    assertThat(read(template.replace("VERSION", "v1beta1").replace("REQUEST", "deviceClassName: gpu")).templates())
        .isEqualTo(read(template.replace("VERSION", "v1").replace("REQUEST", "exactly: {deviceClassName: gpu}")).templates());
  }

  @Test
  void a_v1beta1_slice_reads_as_its_v1_form_with_the_basic_fields_on_the_device() {
    assertThat(read(V1BETA1_SLICE).slices()).isEqualTo(read(V1_SLICE).slices());
  }

  @Test
  void v1beta2_objects_have_the_v1_shape() {
    assertThat(read(V1_CLAIM.replace("resource.k8s.io/v1", "resource.k8s.io/v1beta2")).claims()).isEqualTo(read(V1_CLAIM).claims());
    assertThat(read(V1_SLICE.replace("resource.k8s.io/v1", "resource.k8s.io/v1beta2")).slices()).isEqualTo(read(V1_SLICE).slices());
  }

  @Test
  void a_v1beta1_device_class_reads_as_its_v1_form() {
    String deviceClass = "apiVersion: resource.k8s.io/VERSION\nkind: DeviceClass\nmetadata: {name: gpu}\n"
        + "spec:\n  selectors: [{cel: {expression: 'device.driver == \"gpu.example.com\"'}}]\n";
    assertThat(read(deviceClass.replace("VERSION", "v1beta1")).classes()).isEqualTo(read(deviceClass.replace("VERSION", "v1")).classes());
  }

  @Test
  void a_v1beta1_request_with_only_zero_values_has_no_exactly() throws Exception {
    ObjectNode v1 = ResourceApiVersions.toV1(tree(
        "{\"apiVersion\":\"resource.k8s.io/v1beta1\",\"kind\":\"ResourceClaim\",\"spec\":{\"devices\":{\"requests\":"
            + "[{\"name\":\"a\",\"deviceClassName\":\"\",\"count\":0,\"firstAvailable\":[{\"name\":\"s\",\"deviceClassName\":\"gpu\"}]}]}}}")).orElseThrow();
    assertThat(v1.toString()).isEqualTo("{\"apiVersion\":\"resource.k8s.io/v1\",\"kind\":\"ResourceClaim\",\"spec\":{\"devices\":{\"requests\":"
        + "[{\"name\":\"a\",\"firstAvailable\":[{\"name\":\"s\",\"deviceClassName\":\"gpu\"}]}]}}}");
  }

  @Test
  void a_v1beta1_request_with_a_class_and_first_available_is_refused_as_the_api_server_does() {
    assertThat(errors("""
        apiVersion: resource.k8s.io/v1beta1
        kind: ResourceClaim
        metadata: {name: c}
        spec:
          devices:
            requests:
            - name: gpu
              deviceClassName: gpu
              firstAvailable: [{name: s, deviceClassName: gpu}]
        """)).singleElement().asString().contains("spec.devices.requests[0]: Invalid value: \"gpu\": exactly one of `exactly` or `firstAvailable`");
  }

  @Test
  void a_v1beta1_violation_is_reported_at_the_field_as_written() {
    assertThat(errors(V1BETA1_CLAIM.replace("count: 2", "count: 2\n      allocationMode: Some")))
        .singleElement().asString().startsWith("in.yaml: document 0: spec.devices.requests[0].allocationMode: Unsupported value: \"Some\"");
    assertThat(errors(V1BETA1_SLICE.replace("{model: {string: h100}}", "{model: {string: h100, int: 1}}")))
        .singleElement().asString().startsWith("in.yaml: document 0: spec.devices[0].basic.attributes[model]: Invalid value");
  }

  @Test
  void a_dra_kind_at_a_version_not_read_is_refused_naming_the_versions_read() {
    assertThat(errors("apiVersion: example.com/v1\nkind: ResourceClaim\nmetadata: {name: c}\n")).singleElement().asString()
        .isEqualTo("in.yaml: document 0: apiVersion: Unsupported value: \"example.com/v1\": dra reads ResourceClaim at resource.k8s.io/v1,"
            + " v1beta2 or v1beta1 (v1beta2 and v1beta1 are converted to v1 as the API server does)");
  }

  @Test
  void paths_of_other_versions_are_the_v1_paths() {
    assertThat(ResourceApiVersions.pathIn("resource.k8s.io/v1beta2", "ResourceClaim", "spec.devices.requests[0].exactly.count"))
        .isEqualTo("spec.devices.requests[0].exactly.count");
    assertThat(ResourceApiVersions.pathIn("resource.k8s.io/v1beta1", "ResourceClaimTemplate", "spec.spec.devices.requests[1].exactly.selectors[0].cel.expression"))
        .isEqualTo("spec.spec.devices.requests[1].selectors[0].cel.expression");
    assertThat(ResourceApiVersions.pathIn("resource.k8s.io/v1beta1", "ResourceSlice", "spec.devices[3].name")).isEqualTo("spec.devices[3].name");
  }

  @Test
  void objects_of_other_versions_are_not_converted() throws Exception {
    assertThat(ResourceApiVersions.toV1(tree("{\"apiVersion\":\"resource.k8s.io/v1alpha3\",\"kind\":\"ResourceClaim\"}"))).isEmpty();
  }

  @Test
  void a_request_that_is_not_an_object_is_left_for_the_v1_rules() throws Exception {
    assertThatThrownBy(() -> read("apiVersion: resource.k8s.io/v1beta1\nkind: ResourceClaim\nmetadata: {name: c}\nspec: {devices: {requests: [5]}}\n"))
        .isInstanceOf(ManifestReadException.class);
    assertThat(ResourceApiVersions.toV1(tree("{\"apiVersion\":\"resource.k8s.io/v1beta1\",\"kind\":\"ResourceClaim\",\"spec\":{\"devices\":{\"requests\":[5]}}}"))
        .orElseThrow().toString()).contains("\"requests\":[5]");
  }

  @Test
  void one_claim_given_at_two_versions_is_refused_as_a_duplicate() {
    assertThat(errors(V1_CLAIM + "---\n" + V1BETA1_CLAIM)).singleElement().asString()
        .startsWith("in.yaml: document 1: metadata.name: Duplicate value: \"ResourceClaim ml/c\": the same object is in.yaml: document 0");
  }
}
