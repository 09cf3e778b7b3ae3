package dev.aiinfra.testing.assertions;

import static dev.aiinfra.testing.assertions.AiInfraAssertions.assertThat;
import static dev.aiinfra.testing.assertions.AiInfraAssertions.assertThatThrownBy;

import dev.aiinfra.dra.model.DraCode;
import dev.aiinfra.scheduling.model.SchedulingCode;
import org.junit.jupiter.api.Test;

/** {@code because(...)} takes a catalog constant as well as its name, and means the same. */
class CatalogCodeAssertionsTest {
  @Test
  void a_placement_that_does_not_fit_passes_because_of_its_catalog_code() {
    assertThat(PlacementResultAssertTest.threePodsInOneRack()).doesNotFit().because(SchedulingCode.GANG_TOPOLOGY_NOT_FIT)
        .gang("default/train").because(SchedulingCode.GANG_TOPOLOGY_NOT_FIT);
  }

  @Test
  void an_unsatisfiable_allocation_passes_because_of_its_catalog_code() {
    assertThat(AllocationOutcomeAssertTest.nineGpus()).isNotSatisfiable().because(DraCode.DRA_NOT_ENOUGH_DEVICES);
  }

  @Test
  void another_catalog_code_fails_with_the_code_asked_for() {
    assertThatThrownBy(() -> assertThat(PlacementResultAssertTest.threePodsInOneRack()).because(SchedulingCode.GANG_MIN_COUNT_NOT_MET))
        .hasMessageContaining("GANG_MIN_COUNT_NOT_MET");
  }
}
