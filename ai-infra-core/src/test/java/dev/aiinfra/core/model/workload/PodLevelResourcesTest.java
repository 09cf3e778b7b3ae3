package dev.aiinfra.core.model.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.render.workload.PodTemplateRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pod-level resources (KEP-2837) on a pod template: the API server's defaulting and validation, and the rendering. */
class PodLevelResourcesTest {
  private static ContainerSpec container(String name, ResourceList requests, ResourceList limits) {
    return ContainerSpec.builder().name(name).image("app:1").requests(requests).limits(limits).build();
  }

  private static PodTemplate template(PodLevelResources resources, ContainerSpec... containers) {
    return PodTemplate.builder().addContainers(containers).resources(resources).build();
  }

  private static List<String> problems(PodLevelResources resources, ContainerSpec... containers) {
    try {
      template(resources, containers);
      return List.of();
    } catch (InvalidSpecException e) {
      return e.violations().stream().map(FieldViolation::toString).toList();
    }
  }

  @Test
  void a_pod_request_below_the_containers_aggregate_is_refused() {
    assertThat(problems(PodLevelResources.of(ResourceList.of("cpu", "1"), ResourceList.empty()),
        container("a", ResourceList.of("cpu", "1"), ResourceList.empty()), container("b", ResourceList.of("cpu", "500m"), ResourceList.empty())))
        .containsExactly("spec.resources.requests[cpu]: Invalid value: \"1\": must be greater than or equal to aggregate container requests of 1500m");
  }

  @Test
  void a_container_limit_above_the_pod_limit_is_refused_at_the_api_servers_path() {
    assertThat(problems(PodLevelResources.of(ResourceList.empty(), ResourceList.of("memory", "1Gi")),
        container("a", ResourceList.of("memory", "512Mi"), ResourceList.of("memory", "2Gi"))))
        .contains("spec.resources.containers[0][memory].limits: Invalid value: \"2Gi\": must be less than or equal to pod limits of 1Gi");
  }

  @Test
  void a_resource_other_than_cpu_memory_or_hugepages_is_not_supported_at_pod_level() {
    assertThat(problems(PodLevelResources.of(ResourceList.of("nvidia.com/gpu", "1", "cpu", "1"), ResourceList.empty()),
        container("a", ResourceList.empty(), ResourceList.empty())))
        .containsExactly("spec.resources.requests[nvidia.com/gpu]: Unsupported value: \"nvidia.com/gpu\": supported values: \"cpu\", \"hugepages-\", \"memory\"");
  }

  @Test
  void a_pod_request_above_its_limit_is_refused() {
    assertThat(problems(PodLevelResources.of(ResourceList.of("cpu", "4"), ResourceList.of("cpu", "2")),
        container("a", ResourceList.empty(), ResourceList.empty())))
        .containsExactly("spec.resources.requests: Invalid value: \"4\": must be less than or equal to cpu limit of 2");
  }

  @Test
  void a_pod_limit_without_a_request_defaults_the_request_to_the_containers_aggregate() {
    PodTemplate t = template(PodLevelResources.of(ResourceList.empty(), ResourceList.of("cpu", "4")),
        container("a", ResourceList.of("cpu", "1"), ResourceList.empty()));
    assertThat(t.effectiveResources().orElseThrow().requests()).isEqualTo(ResourceList.of("cpu", "1"));
  }

  @Test
  void a_pod_limit_no_container_requests_defaults_the_request_to_the_limit() {
    PodTemplate t = template(PodLevelResources.of(ResourceList.empty(), ResourceList.of("memory", "8Gi")),
        container("a", ResourceList.of("cpu", "1"), ResourceList.empty()));
    assertThat(t.effectiveResources().orElseThrow().requests()).isEqualTo(ResourceList.of("cpu", "1", "memory", "8Gi"));
  }

  @Test
  void pod_level_resources_are_rendered_as_written_in_spec_resources() {
    PodTemplate t = template(PodLevelResources.of(ResourceList.of("cpu", "2"), ResourceList.of("cpu", "4", "memory", "8Gi")),
        container("a", ResourceList.empty(), ResourceList.empty()));
    assertThat(PodTemplateRenderer.render(t).path("spec").path("resources").toString())
        .isEqualTo("{\"requests\":{\"cpu\":\"2\"},\"limits\":{\"cpu\":\"4\",\"memory\":\"8Gi\"}}");
  }

  @Test
  void a_template_without_pod_level_resources_renders_no_resources_field() {
    PodTemplate t = PodTemplate.builder().addContainers(container("a", ResourceList.of("cpu", "1"), ResourceList.empty())).build();
    assertThat(PodTemplateRenderer.render(t).path("spec").has("resources")).isFalse();
  }
}
