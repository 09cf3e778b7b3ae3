package dev.aiinfra.dra.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.ManifestReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class DraReaderTest {
  private static DraInputs read(String yaml) {
    return DraReader.read(ManifestReader.withDefaults().readString("in.yaml", yaml));
  }

  @Test
  void reports_every_violation_with_document_and_field() {
    String yaml = """
        apiVersion: resource.k8s.io/v1
        kind: ResourceClaim
        metadata: {name: bad}
        spec:
          devices:
            requests:
            - name: gpu
              exactly: {deviceClassName: gpu, allocationMode: All, count: 2}
            - name: gpu
              exactly: {deviceClassName: "", count: 1}
            constraints:
            - matchAttribute: pcieRoot
        ---
        apiVersion: resource.k8s.io/v1
        kind: ResourceSlice
        metadata: {name: s}
        spec:
          driver: gpu.example.com
          pool: {name: p, generation: 1, resourceSliceCount: 1}
          devices:
          - name: d
            attributes:
              version: {version: "1.2"}
        """;
    assertThatThrownBy(() -> read(yaml)).isInstanceOfSatisfying(ManifestReadException.class, e -> {
      List<String> text = e.errors().stream().map(InputError::toString).toList();
      assertThat(text).anyMatch(t -> t.contains("document 0") && t.contains("requests[0].exactly.count"));
      assertThat(text).anyMatch(t -> t.contains("requests[1].exactly.deviceClassName"));
      assertThat(text).anyMatch(t -> t.contains("constraints[0].matchAttribute"));
      assertThat(text).anyMatch(t -> t.contains("document 1") && t.contains("exactly one of `nodeName`"));
      assertThat(text).anyMatch(t -> t.contains("document 1") && t.contains("version"));
    });
  }

  @Test
  void omitted_specs_are_empty_and_a_slice_needs_its_pool_name_and_slice_count() {
    DraInputs in = read("""
        apiVersion: resource.k8s.io/v1
        kind: ResourceClaim
        metadata: {name: nothing}
        ---
        apiVersion: resource.k8s.io/v1
        kind: ResourceClaimTemplate
        metadata: {name: empty}
        ---
        apiVersion: resource.k8s.io/v1
        kind: DeviceClass
        metadata: {name: all}
        ---
        apiVersion: resource.k8s.io/v1
        kind: ResourceSlice
        metadata: {name: s}
        spec:
          driver: gpu.example.com
          nodeName: n1
          pool: {name: p, resourceSliceCount: 1}
        """);
    assertThat(in.claims().get(0).devices().requests()).isEmpty();
    assertThat(in.templates().get(0).devices().requests()).isEmpty();
    assertThat(in.classes().get(0).selectors()).isEmpty();
    assertThat(in.slices().get(0).generation()).isZero();
    String noPool = """
        apiVersion: resource.k8s.io/v1
        kind: ResourceSlice
        metadata: {name: s}
        spec:
          driver: gpu.example.com
          nodeName: n1
          pool: {generation: 1}
        """;
    assertThatThrownBy(() -> read(noPool)).isInstanceOfSatisfying(ManifestReadException.class, e ->
        assertThat(e.errors().stream().map(InputError::toString).toList()).anyMatch(t -> t.contains("spec.pool.name")));
  }

  @Test
  void a_pods_templates_become_claims_named_after_the_pod() {
    DraInputs in = read("""
        apiVersion: resource.k8s.io/v1
        kind: ResourceClaimTemplate
        metadata: {name: gpus, namespace: ml}
        spec:
          spec:
            devices:
              requests:
              - name: gpu
                exactly: {deviceClassName: gpu, count: 2}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: train, namespace: ml}
        spec:
          resourceClaims:
          - name: accel
            resourceClaimTemplateName: gpus
          containers:
          - name: c
            image: x
            resources:
              claims: [{name: accel}]
        """);
    assertThat(in.podClaims()).singleElement().satisfies(c -> {
      assertThat(c.name()).isEqualTo("train-accel");
      assertThat(c.namespace()).isEqualTo("ml");
      assertThat(c.template()).isFalse();
    });
  }

  @Test
  void a_pod_naming_a_missing_template_is_an_error() {
    assertThatThrownBy(() -> read("""
        apiVersion: v1
        kind: Pod
        metadata: {name: train}
        spec:
          resourceClaims: [{name: accel, resourceClaimTemplateName: nowhere}]
          containers: [{name: c, image: x}]
        """)).isInstanceOf(ManifestReadException.class).hasMessageContaining("spec.resourceClaims[0].resourceClaimTemplateName: Not found: ResourceClaimTemplate default/nowhere is not in the input");
  }

  @Test
  void a_pod_claim_entry_without_a_name_is_required_not_a_crash() {
    // Conformance DRA cases 000380 and 019471 (seed 7): this crashed with a NullPointerException.
    assertThatThrownBy(() -> read("""
        apiVersion: v1
        kind: Pod
        metadata: {name: pod}
        spec:
          resourceClaims: [{resourceClaimTemplateName: tmpl-0}]
        """)).isInstanceOf(ManifestReadException.class).hasMessageContaining("spec.resourceClaims[0].name");
  }

  @Test
  void an_omitted_counter_or_capacity_value_is_zero_as_the_api_decodes_it() {
    // Conformance DRA case 016614 (seed 7): upstream decodes `memory: {}` as 0 and accepts it.
    DraInputs in = read("""
        apiVersion: resource.k8s.io/v1
        kind: ResourceSlice
        metadata: {name: s}
        spec:
          driver: gpu.example.com
          nodeName: n1
          pool: {name: p, resourceSliceCount: 1}
          devices:
          - name: d
            capacity: {slots: {}}
            consumesCounters:
            - counterSet: c
              counters: {memory: {}}
        ---
        apiVersion: resource.k8s.io/v1
        kind: ResourceSlice
        metadata: {name: s-counters}
        spec:
          driver: gpu.example.com
          nodeName: n1
          pool: {name: q, resourceSliceCount: 1}
          sharedCounters:
          - name: c
            counters: {memory: {}}
        """);
    var slice = in.slices().get(0);
    assertThat(in.slices().get(1).sharedCounters().get(0).counters().get("memory").toString()).isEqualTo("0");
    assertThat(slice.devices().get(0).consumesCounters().get(0).counters().get("memory").toString()).isEqualTo("0");
    assertThat(slice.devices().get(0).capacity().get("slots").value().toString()).isEqualTo("0");
  }

  @Test
  void pod_claim_names_are_unique_dns_labels() {
    assertThatThrownBy(() -> read("""
        apiVersion: v1
        kind: Pod
        metadata: {name: pod}
        spec:
          resourceClaims:
          - {name: gpu, resourceClaimName: a}
          - {name: gpu, resourceClaimName: b}
          - {name: Big_Name, resourceClaimName: c}
        """)).isInstanceOf(ManifestReadException.class)
        .hasMessageContaining("spec.resourceClaims[1].name: Duplicate value")
        .hasMessageContaining("spec.resourceClaims[2].name: Invalid value");
  }

  @Test
  void counter_consumptions_and_counter_sets_need_their_names_and_counters() {
    // Conformance DRA case 016614 (seed 7): a consumesCounters entry without counterSet crashed.
    String yaml = """
        apiVersion: resource.k8s.io/v1
        kind: ResourceSlice
        metadata: {name: s}
        spec:
          driver: gpu.example.com
          nodeName: n1
          pool: {name: p, resourceSliceCount: 1}
          sharedCounters:
          - counters: {memory: {value: 1Gi}}
          - name: c
            counters: {memory: {}}
          devices:
          - name: d
            consumesCounters:
            - {}
            - counterSet: c
        """;
    assertThatThrownBy(() -> read(yaml)).isInstanceOfSatisfying(ManifestReadException.class, e ->
        assertThat(e.errors().stream().map(InputError::toString).toList())
            .anyMatch(t -> t.contains("spec.devices[0].consumesCounters[0].counterSet"))
            .anyMatch(t -> t.contains("spec.sharedCounters[0].name"))
            .anyMatch(t -> t.contains("spec.devices[0].consumesCounters[1].counters: Required")));
  }

  @Test
  void other_kinds_are_rejected() {
    assertThatThrownBy(() -> read("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: x}
        """)).isInstanceOf(ManifestReadException.class).hasMessageContaining("kind: Unsupported value: \"ConfigMap\": dra takes");
  }

  private static final String SHARED_SLICE = """
      apiVersion: resource.k8s.io/v1
      kind: ResourceSlice
      metadata: {name: s}
      spec:
        driver: gpu.example.com
        nodeName: node-a
        pool: {name: p, generation: 1, resourceSliceCount: 1}
        devices:
        - name: gpu-0
          allowMultipleAllocations: true
          capacity:
            memory:
              value: 80Gi
              requestPolicy: {default: 8Gi, validRange: {min: 8Gi, max: 80Gi, step: STEP}}
      """;

  @Test
  void a_null_capacity_request_is_zero_as_the_api_server_decodes_it() {
    DraInputs in = read(SHARED_SLICE.replace("STEP", "8Gi") + """
        ---
        apiVersion: resource.k8s.io/v1
        kind: ResourceClaim
        metadata: {name: c}
        spec:
          devices:
            requests:
            - name: gpu
              exactly: {deviceClassName: shared-gpu, capacity: {requests: {memory: }}}
        """);
    assertThat(in.claims().get(0).devices().requests().get(0).exactly().orElseThrow().capacityRequests().get("memory").isZero()).isTrue();
  }

  @Test
  void a_zero_step_is_refused_at_its_field() {
    assertThatThrownBy(() -> read(SHARED_SLICE.replace("STEP", "'0'"))).isInstanceOfSatisfying(ManifestReadException.class, e ->
        assertThat(e.errors()).extracting(InputError::toString).containsExactly(
            "in.yaml: document 0: spec.devices[0].capacity[memory].requestPolicy.validRange.step: Invalid value: \"0\": must be greater than zero"));
  }

  @Test
  void a_malformed_capacity_is_refused_at_its_field() {
    assertThatThrownBy(() -> read(SHARED_SLICE.replace("STEP", "8Gi").replace("value: 80Gi", "value: 80GB")))
        .isInstanceOfSatisfying(ManifestReadException.class, e -> assertThat(e.errors()).extracting(InputError::toString).containsExactly(
            "in.yaml: document 0: spec.devices[0].capacity[memory].value: Invalid value: \"80GB\": quantities must match the regular expression"
                + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
  }
}
