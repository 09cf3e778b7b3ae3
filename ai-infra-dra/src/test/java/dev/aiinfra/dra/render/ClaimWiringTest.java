package dev.aiinfra.dra.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerClaim;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodResourceClaim;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.render.workload.PodTemplateRenderer;
import dev.aiinfra.dra.model.DeviceClaim;
import dev.aiinfra.dra.model.DeviceRequest;
import dev.aiinfra.dra.model.DeviceSelection;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimWiringTest {
  private static final ResourceClaimSpec TEMPLATE = ResourceClaimSpec.builder().name("gpu-nic").template(true)
      .devices(DeviceClaim.builder()
          .addRequests(DeviceRequest.exactly("gpu", DeviceSelection.of("gpu", 1)), DeviceRequest.exactly("nic", DeviceSelection.of("nic", 1)))
          .build())
      .build();

  private static PodTemplate pod() {
    return PodTemplate.builder()
        .addContainers(ContainerSpec.builder().name("trainer").image("x").requests(ResourceList.empty()).build())
        .addContainers(ContainerSpec.builder().name("network").image("y").requests(ResourceList.empty()).build())
        .build();
  }

  @Test
  void a_template_becomes_a_pod_claim_entry_and_each_container_gets_its_requests() {
    PodTemplate wired = ClaimWiring.attach(pod(), "accel", TEMPLATE, Map.of("trainer", List.of("gpu"), "network", List.of("nic")));
    assertThat(wired.resourceClaims()).containsExactly(PodResourceClaim.fromTemplate("accel", "gpu-nic"));
    assertThat(wired.containers().get(0).claims()).containsExactly(ContainerClaim.of("accel", "gpu"));
    assertThat(wired.containers().get(1).claims()).containsExactly(ContainerClaim.of("accel", "nic"));
    String tree = PodTemplateRenderer.render(wired).toString();
    assertThat(tree).contains("\"resourceClaims\":[{\"name\":\"accel\",\"resourceClaimTemplateName\":\"gpu-nic\"}]");
    assertThat(tree).contains("\"claims\":[{\"name\":\"accel\",\"request\":\"gpu\"}]");
  }

  @Test
  void a_shared_claim_is_referenced_by_name() {
    PodTemplate wired = ClaimWiring.attach(pod(), "shared", TEMPLATE.withTemplate(false));
    assertThat(wired.resourceClaims()).containsExactly(PodResourceClaim.ofClaim("shared", "gpu-nic"));
    assertThat(wired.containers()).allSatisfy(c -> assertThat(c.claims()).containsExactly(ContainerClaim.of("shared")));
  }

  @Test
  void unknown_containers_and_requests_are_all_reported() {
    assertThatThrownBy(() -> ClaimWiring.attach(pod(), "accel", TEMPLATE, Map.of("nobody", List.of(), "trainer", List.of("tpu"))))
        .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.violations()).hasSize(2));
  }

  @Test
  void a_container_claim_must_name_a_pod_claim() {
    assertThatThrownBy(() -> PodTemplate.builder()
        .addContainers(ContainerSpec.builder().name("c").image("x").requests(ResourceList.empty()).addClaims(ContainerClaim.of("ghost")).build())
        .build()).isInstanceOf(InvalidSpecException.class).hasMessageContaining("pod.spec.resourceClaims");
  }
}
