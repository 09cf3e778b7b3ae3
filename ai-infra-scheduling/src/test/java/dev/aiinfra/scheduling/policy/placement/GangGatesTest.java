package dev.aiinfra.scheduling.policy.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class GangGatesTest {

  @Test
  void workload_gangs_on_1_36_defaults_warn_that_both_gates_are_off() {
    List<Diagnostic> d = GangGates.check(true, List.of(), ClusterProfile.of(KubernetesVersion.V1_36));
    assertThat(d).extracting(Diagnostic::code).containsExactly(GangGates.GATE_OFF);
    assertThat(d.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(d.get(0).message()).contains("GenericWorkload and GangScheduling", "Kubernetes 1.36", "one by one");
  }

  @Test
  void from_1_37_only_generic_workload_is_named() {
    List<Diagnostic> d = GangGates.check(true, List.of(), ClusterProfile.of(KubernetesVersion.V1_37));
    assertThat(d).singleElement().satisfies(x -> assertThat(x.message()).contains("GenericWorkload").doesNotContain("GangScheduling"));
  }

  @Test
  void workload_gangs_with_the_gates_on_need_no_warning() {
    ClusterProfile on = ClusterProfile.of(KubernetesVersion.V1_36).withFeatureGates("GenericWorkload=true,GangScheduling=true");
    assertThat(GangGates.check(true, List.of(), on)).isEmpty();
  }

  @Test
  void gangs_without_the_workload_api_or_topology_need_no_gate() {
    assertThat(GangGates.check(false, List.of(), ClusterProfile.of(KubernetesVersion.V1_34))).isEmpty();
  }
}
