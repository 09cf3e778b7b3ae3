package dev.aiinfra.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.read.ManifestReader;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Effective requests as kube-scheduler computes them, and the input it refuses (issue 14, classes 3 and 4). */
class PodResourcesTest {
  private static PodSpec spec(String containers) {
    String yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n" + containers;
    return ((Pod) ManifestReader.withDefaults().readString("p.yaml", yaml).get(0).object()).getSpec();
  }

  private static List<String> problems(PodSpec spec) {
    try {
      PodResources.effectiveRequests(spec);
      return List.of();
    } catch (InvalidSpecException e) {
      return e.violations().stream().map(FieldViolation::toString).toList();
    }
  }

  @Test
  void limits_default_missing_requests_and_init_containers_count_at_their_peak() {
    ResourceList r = PodResources.effectiveRequests(spec("  initContainers: [{name: i, image: x, resources: {limits: {cpu: '4'}}}]\n"
        + "  containers: [{name: c, image: x, resources: {requests: {cpu: '1', memory: 1E}}}]\n"));
    assertThat(r.get("cpu")).isEqualTo(Quantity.of(4));
    assertThat(r.get("memory")).isEqualTo(Quantity.parse("1000000000000000000"));
  }

  @Test
  void a_null_quantity_is_zero() {
    assertThat(PodResources.effectiveRequests(spec("  containers: [{name: c, image: x, resources: {requests: {memory: }}}]\n")).get("memory").isZero())
        .isTrue();
  }

  @Test
  void a_null_container_reads_as_an_empty_one_as_the_api_server_decodes_it() {
    assertThat(problems(spec("  containers: [null, {name: c, image: x, resources: {requests: {cpu: '1'}}}]\n"))).isEmpty();
    assertThat(PodResources.effectiveRequests(spec("  containers: [null, {name: c, image: x, resources: {requests: {cpu: '1'}}}]\n")).get("cpu"))
        .isEqualTo(Quantity.of(1));
  }

  @Test
  void a_value_kube_scheduler_cannot_count_is_refused_at_its_field() {
    assertThat(problems(spec("  containers: [{name: c, image: x, resources: {requests: {memory: '100000000000000000000'}, limits: {cpu: 9223372036854775807k}}}]\n")))
        .containsExactly(
            "containers[0].resources.limits[cpu]: Invalid value: \"9223372036854775807k\": kube-scheduler counts cpu in millicores as a 64-bit integer,"
                + " at most 9223372036854775807m; it would wrap this value around",
            "containers[0].resources.requests[memory]: Invalid value: \"100E\": kube-scheduler counts memory as a 64-bit integer,"
                + " at most 9223372036854775807; it would wrap this value around");
  }

  @Test
  void requests_that_only_add_up_past_int64_are_refused_at_the_pod_spec() {
    assertThat(problems(spec("  containers:\n  - {name: a, image: x, resources: {requests: {memory: 5Ei}}}\n"
        + "  - {name: b, image: x, resources: {requests: {memory: 5Ei}}}\n")))
        .singleElement().asString().startsWith(": Invalid value: \"10Ei\": the pod's memory requests add up to more than kube-scheduler can count");
  }

  @Test
  void malformed_and_negative_quantities_are_reported_together() {
    assertThat(problems(spec("  containers: [{name: c, image: x, resources: {requests: {cpu: abc, memory: '-1Gi'}}}]\n"
        + "  overhead: {cpu: 1Mi1}\n")))
        .containsExactly(
            "containers[0].resources.requests[cpu]: Invalid value: \"abc\": quantities must match the regular expression"
                + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
            "containers[0].resources.requests[memory]: Invalid value: \"-1Gi\": must be greater than or equal to 0",
            "overhead[cpu]: Invalid value: \"1Mi1\": unable to parse quantity's suffix");
  }

  @Test
  void a_pod_spec_that_cannot_be_read_throws_instead_of_returning_partial_requests() {
    assertThatThrownBy(() -> PodResources.effectiveRequests(spec("  containers: [{name: c, image: x, resources: {requests: {cpu: abc}}}]\n")))
        .isInstanceOf(InvalidSpecException.class);
  }

  @Test
  void pod_level_requests_replace_the_containers_sum_for_the_scheduler() {
    ResourceList r = PodResources.effectiveRequests(spec("  resources: {requests: {cpu: '8'}}\n"
        + "  containers: [{name: c, image: x, resources: {requests: {cpu: '1', memory: 1Gi, nvidia.com/gpu: '1'}, limits: {nvidia.com/gpu: '1'}}}]\n"));
    assertThat(r).isEqualTo(ResourceList.of("cpu", "8", "memory", "1Gi", "nvidia.com/gpu", "1"));
  }

  @Test
  void a_pod_level_limit_alone_defaults_the_request_as_the_api_server_does() {
    ResourceList r = PodResources.effectiveRequests(spec("  resources: {limits: {cpu: '8', memory: 16Gi}}\n"
        + "  containers: [{name: c, image: x, resources: {requests: {cpu: '1'}}}]\n"));
    assertThat(r).isEqualTo(ResourceList.of("cpu", "1", "memory", "16Gi"));
  }

  @Test
  void with_the_gate_off_pod_level_resources_are_ignored() {
    ResourceList r = PodResources.effectiveRequests(spec("  resources: {requests: {cpu: '8'}}\n"
        + "  containers: [{name: c, image: x, resources: {requests: {cpu: '1'}}}]\n"), false);
    assertThat(r).isEqualTo(ResourceList.of("cpu", "1"));
  }
}
