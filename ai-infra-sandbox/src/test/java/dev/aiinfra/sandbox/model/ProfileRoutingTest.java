package dev.aiinfra.sandbox.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import dev.aiinfra.core.model.profile.MemoryReservationPolicy;
import dev.aiinfra.core.model.profile.RuntimeVersion;
import dev.aiinfra.sandbox.model.cgroup.CgroupSettings;
import dev.aiinfra.sandbox.model.pss.PodSecurityVersion;
import dev.aiinfra.sandbox.policy.cgroup.NodeReadiness;
import org.junit.jupiter.api.Test;

/** The cgroup and Pod Security rules read the Kubernetes version and node settings of one ClusterProfile. */
class ProfileRoutingTest {
  @Test
  void cgroup_settings_of_a_profile_equal_the_settings_written_out_for_its_minor() {
    for (KubernetesVersion v : KubernetesVersion.supported()) {
      CgroupSettings old = CgroupSettings.builder().kubernetesMinor(v.minor()).build();
      assertThat(CgroupSettings.builder(ClusterProfile.of(v)).build()).as("Kubernetes %s", v).isEqualTo(old);
    }
  }

  @Test
  void cgroup_settings_take_the_profiles_runtime_memory_qos_gate_and_reservation_policy() {
    ClusterProfile p = ClusterProfile.builder().kubernetesVersion(KubernetesVersion.V1_36).addRuntime(RuntimeVersion.parse("crun:1.22"))
        .memoryReservationPolicy(MemoryReservationPolicy.TieredReservation).build().withFeatureGates("MemoryQoS=true");
    CgroupSettings s = CgroupSettings.builder(p).build();
    assertThat(s.runtime()).isEqualTo("crun:1.22");
    assertThat(s.kubernetesMinor()).isEqualTo(36);
    assertThat(s.memoryQos()).isTrue();
    assertThat(s.memoryReservationPolicy()).isEqualTo(MemoryReservationPolicy.TieredReservation);
    assertThat(s.quadraticWeight()).isFalse();
  }

  @Test
  void the_pod_security_version_of_a_profile_is_its_kubernetes_minor() {
    assertThat(PodSecurityVersion.of(ClusterProfile.of(KubernetesVersion.V1_35))).isEqualTo(PodSecurityVersion.of(35));
    assertThat(PodSecurityVersion.of(ClusterProfile.defaults())).isEqualTo(PodSecurityVersion.of(36));
  }

  @Test
  void latest_on_a_profile_is_the_api_servers_own_minor() {
    ClusterProfile p = ClusterProfile.builder().kubernetesVersion(KubernetesVersion.V1_34).podSecurityVersion("latest").build();
    assertThat(PodSecurityVersion.of(p)).isEqualTo(PodSecurityVersion.of(34));
  }

  @Test
  void an_explicit_pod_security_version_is_kept() {
    ClusterProfile p = ClusterProfile.builder().podSecurityVersion("v1.30").build();
    assertThat(PodSecurityVersion.of(p).label()).isEqualTo("v1.30");
  }

  @Test
  void node_readiness_of_a_profile_uses_its_cri_runtime_and_minor() {
    ClusterProfile p = ClusterProfile.builder().kubernetesVersion(KubernetesVersion.V1_36).addRuntime(RuntimeVersion.parse("containerd:2.0")).build();
    assertThat(NodeReadiness.check("6.1", "systemd", p)).isEqualTo(NodeReadiness.check("6.1", "systemd", "containerd:2.0", 36));
  }

  @Test
  void node_readiness_without_a_cri_runtime_in_the_profile_says_which_to_name() {
    assertThatThrownBy(() -> NodeReadiness.check("6.1", "systemd", ClusterProfile.defaults()))
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("runtimes").hasMessageContaining("containerd:2.0");
  }
}
