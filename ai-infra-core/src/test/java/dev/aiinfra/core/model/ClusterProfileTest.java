package dev.aiinfra.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.FeatureGate;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import dev.aiinfra.core.model.profile.RuntimeVersion;
import org.junit.jupiter.api.Test;

class ClusterProfileTest {

  @Test
  void the_default_target_is_kubernetes_1_36_with_release_defaults() {
    ClusterProfile p = ClusterProfile.defaults();
    assertThat(p.kubernetesVersion()).isEqualTo(KubernetesVersion.V1_36);
    assertThat(p.isEnabled(FeatureGate.DRADeviceTaints)).isTrue();
    assertThat(p.isEnabled(FeatureGate.GenericWorkload)).isFalse();
    assertThat(p.isEnabled(FeatureGate.ContainerRestartRules)).isTrue();
  }

  @Test
  void gate_defaults_follow_the_release() {
    assertThat(ClusterProfile.of(KubernetesVersion.V1_34).isEnabled(FeatureGate.ContainerRestartRules)).isFalse();
    assertThat(ClusterProfile.of(KubernetesVersion.V1_35).isEnabled(FeatureGate.ContainerRestartRules)).isTrue();
    assertThat(ClusterProfile.of(KubernetesVersion.V1_35).isEnabled(FeatureGate.DRAConsumableCapacity)).isFalse();
    assertThat(ClusterProfile.of(KubernetesVersion.V1_37).isEnabled(FeatureGate.MemoryQoS)).isTrue();
  }

  @Test
  void gates_that_do_not_exist_yet_are_off_and_cannot_be_set() {
    ClusterProfile p = ClusterProfile.of(KubernetesVersion.V1_35);
    assertThat(p.isEnabled(FeatureGate.TopologyAwareWorkloadScheduling)).isFalse();
    assertThatThrownBy(() -> p.withFeatureGates("TopologyAwareWorkloadScheduling=true"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("does not exist in Kubernetes 1.35");
  }

  @Test
  void gates_merged_into_generic_workload_disappear_in_1_37() {
    assertThat(FeatureGate.GangScheduling.existsIn(KubernetesVersion.V1_36)).isTrue();
    assertThat(FeatureGate.GangScheduling.existsIn(KubernetesVersion.V1_37)).isFalse();
  }

  @Test
  void feature_gate_flag_overrides_defaults() {
    ClusterProfile p = ClusterProfile.defaults().withFeatureGates("GenericWorkload=true, GangScheduling=true");
    assertThat(p.isEnabled(FeatureGate.GenericWorkload)).isTrue();
    assertThat(p.effectiveFeatureGates()).containsEntry("GangScheduling", true);
  }

  @Test
  void every_bad_gate_in_the_flag_is_reported() {
    assertThatThrownBy(() -> ClusterProfile.defaults().withFeatureGates("Nope=true,GenericWorkload=maybe,bare"))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> assertThat(e.violations())
                .extracting(FieldViolation::field)
                .containsExactly("featureGates[Nope]", "featureGates[GenericWorkload]", "featureGates"));
  }

  @Test
  void locked_ga_gates_cannot_be_turned_off() {
    assertThatThrownBy(() -> ClusterProfile.defaults().withFeatureGates("DynamicResourceAllocation=false"))
        .hasMessageContaining("GA and locked");
  }

  @Test
  void versions_parse_with_or_without_v_and_patch() {
    assertThat(KubernetesVersion.parse("v1.35.2")).isEqualTo(KubernetesVersion.V1_35);
    assertThat(KubernetesVersion.parse("1.37")).isEqualTo(KubernetesVersion.V1_37);
    assertThatThrownBy(() -> KubernetesVersion.parse("1.33")).hasMessageContaining("supported versions are 1.34 to 1.37");
    assertThatThrownBy(() -> KubernetesVersion.parse("latest")).isInstanceOf(InvalidSpecException.class);
  }

  @Test
  void runtime_versions_compare_numerically() {
    RuntimeVersion crun = RuntimeVersion.parse("crun:1.23");
    assertThat(crun.isAtLeast("crun", "1.3")).isTrue();
    assertThat(RuntimeVersion.parse("runc:1.3.1").isAtLeast("runc", "1.3.2")).isFalse();
    assertThat(RuntimeVersion.parse("runc:v1.3.2").isAtLeast("runc", "1.3.2")).isTrue();
    assertThat(ClusterProfile.builder().addRuntime(crun).build().runtime("crun")).contains(crun);
  }
}
