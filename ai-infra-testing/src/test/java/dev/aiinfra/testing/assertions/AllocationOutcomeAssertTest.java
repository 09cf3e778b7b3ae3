package dev.aiinfra.testing.assertions;

import static dev.aiinfra.testing.assertions.AiInfraAssertions.assertThat;
import static dev.aiinfra.testing.assertions.AiInfraAssertions.assertThatThrownBy;

import dev.aiinfra.dra.policy.AllocationOutcome;
import dev.aiinfra.testing.fixtures.Gpus;
import dev.aiinfra.testing.fixtures.TestCluster;
import dev.aiinfra.testing.fixtures.TestClusters;
import org.junit.jupiter.api.Test;

class AllocationOutcomeAssertTest {
  static final Gpus H100 = Gpus.h100(8);
  static final TestCluster CLUSTER = TestClusters.nodes(2).gpus(H100);

  static AllocationOutcome twoGpus() {
    return CLUSTER.allocate("node-0", H100.claim("train", 2));
  }

  static AllocationOutcome nineGpus() {
    return CLUSTER.allocate("node-0", H100.claim("train", 9));
  }

  @Test
  void a_satisfiable_claim_passes_allocates_with_its_device_count() {
    assertThat(twoGpus()).isSatisfiable().allocates("gpu", 2).allocatesDevice("gpu", "gpu-1");
  }

  @Test
  void an_unsatisfiable_claim_passes_is_not_satisfiable_because_of_its_code() {
    assertThat(nineGpus()).isNotSatisfiable().because("DRA_NOT_ENOUGH_DEVICES");
  }

  @Test
  void allocates_fails_with_the_devices_the_request_got() {
    assertThatThrownBy(() -> assertThat(twoGpus()).allocates("gpu", 3))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected request gpu to get 3 devices on node node-0, but it got 2")
        .hasMessageContaining("default/train gpu -> gpu.nvidia.com/node-0/gpu-0");
  }

  @Test
  void allocates_on_an_unsatisfiable_outcome_fails_with_the_reasons() {
    assertThatThrownBy(() -> assertThat(nineGpus()).allocates("gpu", 9))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the claims to be allocated on node node-0, but the outcome is UNSATISFIABLE")
        .hasMessageContaining("DRA_NOT_ENOUGH_DEVICES at claim default/train, request gpu");
  }

  @Test
  void is_not_satisfiable_fails_with_the_allocation_made() {
    assertThatThrownBy(() -> assertThat(twoGpus()).isNotSatisfiable())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected the claims not to be allocated on node node-0, but they were")
        .hasMessageContaining("gpu.nvidia.com/node-0/gpu-1");
  }

  @Test
  void because_on_a_satisfiable_outcome_fails_saying_it_was_allocated() {
    assertThatThrownBy(() -> assertThat(twoGpus()).because("DRA_NOT_ENOUGH_DEVICES"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected a reason with code DRA_NOT_ENOUGH_DEVICES on node node-0, but the claims were allocated");
  }
}
