package dev.aiinfra.testing.assertions;

import static dev.aiinfra.testing.assertions.AiInfraAssertions.assertThat;
import static dev.aiinfra.testing.assertions.AiInfraAssertions.assertThatThrownBy;

import dev.aiinfra.scheduling.policy.placement.PlacementResult;
import dev.aiinfra.testing.fixtures.TestCluster;
import dev.aiinfra.testing.fixtures.TestClusters;
import dev.aiinfra.testing.fixtures.Workloads;
import org.junit.jupiter.api.Test;

class PlacementResultAssertTest {
  static final String RACK = "topology.example.com/rack";
  /** Two racks of two nodes with eight GPUs each. */
  static final TestCluster CLUSTER = TestClusters.nodes(4).gpus(8).spread(RACK, 2);

  static PlacementResult twoPodsInOneRack() {
    return CLUSTER.place(Workloads.gang("train").kueue().pods(2).gpusPerPod(8).requiredTopology(RACK).build());
  }

  static PlacementResult threePodsInOneRack() {
    return CLUSTER.place(Workloads.gang("train").kueue().pods(3).gpusPerPod(8).requiredTopology(RACK).build());
  }

  @Test
  void a_gang_that_fits_passes_fits_and_lands_where_it_was_placed() {
    assertThat(twoPodsInOneRack()).fits()
        .gang("train").fits().placesPods(2).landsIn("rack-0/node-0=1").placesPodOn("train-1", "node-1");
  }

  @Test
  void a_gang_that_does_not_fit_passes_does_not_fit_because_of_its_code() {
    assertThat(threePodsInOneRack()).doesNotFit().because("GANG_TOPOLOGY_NOT_FIT")
        .gang("default/train").doesNotFit().because("GANG_TOPOLOGY_NOT_FIT").placesPods(0);
  }

  @Test
  void fits_fails_with_the_codes_and_messages_of_the_reasons() {
    assertThatThrownBy(() -> assertThat(threePodsInOneRack()).fits())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected every gang to fit")
        .hasMessageContaining("GANG_TOPOLOGY_NOT_FIT")
        .hasMessageContaining("allows to fit only 2 out of 3 pod(s)");
  }

  @Test
  void does_not_fit_fails_with_where_every_gang_landed() {
    assertThatThrownBy(() -> assertThat(twoPodsInOneRack()).doesNotFit())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the placement not to fit, but every gang fits")
        .hasMessageContaining("default/train -> [rack-0/node-0=1, rack-0/node-1=1]");
  }

  @Test
  void because_fails_naming_the_expected_code_and_the_actual_ones() {
    assertThatThrownBy(() -> assertThat(threePodsInOneRack()).doesNotFit().because("GANG_MIN_COUNT_NOT_MET"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a reason with code GANG_MIN_COUNT_NOT_MET, but the reasons were")
        .hasMessageContaining("GANG_TOPOLOGY_NOT_FIT at Kueue pod group default/train");
  }

  @Test
  void an_unknown_gang_fails_listing_the_gangs_there_are() {
    assertThatThrownBy(() -> assertThat(twoPodsInOneRack()).gang("eval"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected one gang eval, but found 0 among: default/train");
  }

  @Test
  void a_gang_placed_elsewhere_fails_naming_where_its_pod_went() {
    assertThatThrownBy(() -> assertThat(twoPodsInOneRack()).gang("train").placesPodOn("train-1", "node-3"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to place pod train-1 on node-3, but it went to node-1");
  }

  @Test
  void a_description_prefixes_the_failure() {
    assertThatThrownBy(() -> assertThat(threePodsInOneRack()).as("llama training").fits())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("[llama training]");
  }
}
