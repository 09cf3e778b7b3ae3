package dev.aiinfra.scheduling.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.quantity.ResourceList;
import org.junit.jupiter.api.Test;

/** Issue 15 #8: building a gang reports every violation of it and of its pod groups at once, with full paths. */
class GangSpecValidationTest {
  private static final PodGroupSpec BROKEN_GROUP = PodGroupSpec.builder().name("Workers_1").minCount(0)
      .topology(TopologyRequest.builder().mode(TopologyMode.REQUIRED).build())
      .addResourceClaims(PodGroupClaim.ofClaim("gpus", "shared-gpus"))
      .addResourceClaims(PodGroupClaim.ofClaim("Bad_Claim", "other"))
      .build();

  @Test
  void every_pod_group_violation_is_reported_with_the_gang_s_own_at_full_paths() {
    InvalidSpecException e = catchThrowableOfType(() -> GangSpec.builder().name("train").namespace("ML")
        .addPodGroups(PodGroupSpec.gang("leader", 1), BROKEN_GROUP)
        .build(), InvalidSpecException.class);

    assertThat(e.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(
        "metadata.namespace",
        "spec.podGroupTemplates[1].name",
        "spec.podGroupTemplates[1].schedulingPolicy.gang.minCount",
        "spec.podGroupTemplates[1].topology.level",
        "spec.podGroupTemplates[1].resourceClaims[1].name");
  }

  @Test
  void a_pod_group_on_its_own_lists_its_violations_relative_to_itself() {
    assertThat(BROKEN_GROUP.violations()).extracting(FieldViolation::field)
        .containsExactly("name", "schedulingPolicy.gang.minCount", "topology.level", "resourceClaims[1].name");
  }

  @Test
  void a_pod_set_reports_its_topology_request_below_topology() {
    InvalidSpecException e = catchThrowableOfType(() -> PodSet.builder().name("workers").count(0).requests(ResourceList.empty())
        .topology(TopologyRequest.builder().mode(TopologyMode.UNCONSTRAINED).sliceSize(4).build())
        .build(), InvalidSpecException.class);

    assertThat(e.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder("count", "topology.sliceLevel");
  }

  @Test
  void a_part_used_on_its_own_is_refused_with_every_violation() {
    TopologyRequest broken = TopologyRequest.builder().mode(TopologyMode.PREFERRED).sliceSize(0).build();

    InvalidSpecException e = catchThrowableOfType(broken::requireValid, InvalidSpecException.class);

    assertThat(e.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder("level", "sliceSize", "sliceLevel");
  }
}
