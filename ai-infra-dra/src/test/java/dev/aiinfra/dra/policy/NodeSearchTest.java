package dev.aiinfra.dra.policy;

import static dev.aiinfra.dra.policy.Hardware.GPU_DRIVER;
import static dev.aiinfra.dra.policy.Hardware.claim;
import static dev.aiinfra.dra.policy.Hardware.cluster;
import static dev.aiinfra.dra.policy.Hardware.exactly;
import static dev.aiinfra.dra.policy.Hardware.gpu;
import static dev.aiinfra.dra.policy.Hardware.slice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.dra.model.DeviceRequest;
import dev.aiinfra.dra.model.DeviceSelection;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DeviceAllocator#allocateAcross}: one pod's claims over many nodes, as the scheduler filters them. */
class NodeSearchTest {
  private static final DraCluster ONE_GPU_ON_N2_TWO_ON_N3 = cluster(
      slice("s1", GPU_DRIVER, "n1"),
      slice("s2", GPU_DRIVER, "n2", gpu("gpu-0", "r0")),
      slice("s3", GPU_DRIVER, "n3", gpu("gpu-0", "r0"), gpu("gpu-1", "r0")));

  private static DeviceAllocator allocator(DraCluster c) {
    return DeviceAllocator.of(c, AllocatorFeatures.all());
  }

  private static List<ResourceClaimSpec> gpus(long count) {
    return List.of(claim("c", exactly("gpu", "gpu", count)));
  }

  @Test
  void every_node_is_tried_in_name_order_and_the_first_feasible_one_is_chosen() {
    NodeSearch s = allocator(ONE_GPU_ON_N2_TWO_ON_N3).allocateOnEveryNode(gpus(1), AllocatedDevices.none());
    assertThat(s.nodes()).containsExactly("n1", "n2", "n3");
    assertThat(s.chosen().orElseThrow().node()).isEqualTo("n2");
    assertThat(s.feasibleNodes()).containsExactly("n2", "n3");
    assertThat(s.satisfiable()).isTrue();
  }

  @Test
  void the_nodes_that_cannot_take_the_claims_keep_their_reasons() {
    NodeSearch s = allocator(ONE_GPU_ON_N2_TWO_ON_N3).allocateOnEveryNode(gpus(2), AllocatedDevices.none());
    assertThat(s.chosen().orElseThrow().node()).isEqualTo("n3");
    assertThat(s.unsatisfied()).extracting(AllocationOutcome::node).containsExactly("n1", "n2");
    assertThat(s.unsatisfied()).allSatisfy(o -> assertThat(o.reasons()).isNotEmpty());
  }

  @Test
  void no_feasible_node_is_unsatisfiable_with_no_choice() {
    NodeSearch s = allocator(ONE_GPU_ON_N2_TWO_ON_N3).allocateOnEveryNode(gpus(3), AllocatedDevices.none());
    assertThat(s.satisfiable()).isFalse();
    assertThat(s.chosen()).isEmpty();
    assertThat(s.feasibleNodes()).isEmpty();
    assertThat(s.outcomes()).hasSize(3);
  }

  @Test
  void a_fatal_error_stops_the_search_and_leaves_no_feasible_node() {
    DeviceRequest broken = DeviceRequest.exactly("gpu", DeviceSelection.builder().deviceClassName("gpu")
        .addSelectors("device.attributes[\"gpu.example.com\"].missing == 1").build());
    NodeSearch s = allocator(ONE_GPU_ON_N2_TWO_ON_N3).allocateAcross(List.of("n2", "n3"), List.of(claim("c", broken)), AllocatedDevices.none());
    assertThat(s.fatal().orElseThrow().node()).isEqualTo("n2");
    assertThat(s.outcomes()).hasSize(1);
    assertThat(s.feasibleNodes()).isEmpty();
    assertThat(s.satisfiable()).isFalse();
  }

  @Test
  void only_the_nodes_asked_about_are_tried() {
    NodeSearch s = allocator(ONE_GPU_ON_N2_TWO_ON_N3).allocateAcross(List.of("n3"), gpus(1), AllocatedDevices.none());
    assertThat(s.outcomes()).extracting(AllocationOutcome::node).containsExactly("n3");
    assertThat(s.searchReasons()).isEmpty();
  }

  @Test
  void a_search_without_nodes_says_so() {
    NodeSearch s = allocator(cluster()).allocateOnEveryNode(gpus(1), AllocatedDevices.none());
    assertThat(s.satisfiable()).isFalse();
    assertThat(s.searchReasons()).extracting(Diagnostic::code).containsExactly(NodeSearch.NO_NODES);
  }
}
