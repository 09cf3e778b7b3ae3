package dev.aiinfra.conformance.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.profile.KubernetesVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlPlaneProcessTest {
  @Test
  void the_server_gets_the_alpha_and_beta_gates_of_its_release_switched_on() {
    List<String> gates = List.of(ControlPlaneProcess.featureGates(KubernetesVersion.V1_36).split(","));
    assertThat(gates).contains("GenericWorkload=true", "GangScheduling=true", "TopologyAwareWorkloadScheduling=true");
  }

  @Test
  void locked_and_later_gates_are_not_passed() {
    List<String> gates = List.of(ControlPlaneProcess.featureGates(KubernetesVersion.V1_36).split(","));
    assertThat(gates).noneMatch(g -> g.startsWith("DynamicResourceAllocation=") || g.startsWith("CompositePodGroup="));
  }

  @Test
  void without_the_binary_property_the_tests_are_skipped_with_a_reason() {
    String before = System.getProperty(ApiServerExtension.BINARY_PROPERTY);
    try {
      System.clearProperty(ApiServerExtension.BINARY_PROPERTY);
      assertThat(ApiServerExtension.whyUnavailable()).contains("-Dai-infra.controlplane=PATH is not set");
    } finally {
      if (before != null) {
        System.setProperty(ApiServerExtension.BINARY_PROPERTY, before);
      }
    }
  }
}
