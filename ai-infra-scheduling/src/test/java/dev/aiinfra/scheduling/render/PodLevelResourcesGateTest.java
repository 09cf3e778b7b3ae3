package dev.aiinfra.scheduling.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.PodLevelResources;
import dev.aiinfra.scheduling.model.JobSetSpec;
import dev.aiinfra.scheduling.model.ReplicatedJob;
import org.junit.jupiter.api.Test;

/** A JobSet whose pods set pod-level resources (KEP-2837), against the PodLevelResources gate of the target cluster. */
class PodLevelResourcesGateTest {
  private static JobSetSpec withPodLevelResources() {
    JobSetSpec js = Specs.jobSet();
    ReplicatedJob rj = js.replicatedJobs().get(0);
    return js.withReplicatedJobs(rj.withPodTemplate(rj.podTemplate()
        .withResources(PodLevelResources.of(ResourceList.empty(), ResourceList.of("cpu", "64", "memory", "512Gi")))));
  }

  @Test
  void pod_level_resources_render_without_a_diagnostic_when_the_gate_is_on() {
    RenderedObject r = JobSetRenderer.render(withPodLevelResources(), ClusterProfile.defaults());
    assertThat(r.diagnostics()).extracting(Diagnostic::code).doesNotContain("POD_LEVEL_RESOURCES_UNAVAILABLE");
    assertThat(r.object().toString()).contains("512Gi");
  }

  @Test
  void pod_level_resources_are_an_error_when_the_gate_is_off() {
    RenderedObject r = JobSetRenderer.render(withPodLevelResources(), ClusterProfile.defaults().withFeatureGates("PodLevelResources=false"));
    assertThat(r.diagnostics()).filteredOn(d -> d.code().equals("POD_LEVEL_RESOURCES_UNAVAILABLE"))
        .singleElement().satisfies(d -> {
          assertThat(d.path()).contains("spec.replicatedJobs[0].template.spec.template.spec.resources");
          assertThat(d.isError()).isTrue();
        });
  }
}
