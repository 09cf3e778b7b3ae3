package dev.aiinfra.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.FeatureGate;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import dev.aiinfra.core.model.profile.MemoryReservationPolicy;
import dev.aiinfra.core.model.profile.RuntimeVersion;
import org.junit.jupiter.api.Test;

/** What a profile carries for the cgroup and Pod Security rules, per Kubernetes minor. */
class ClusterProfileDefaultsTest {
  @Test
  void memory_qos_is_off_before_1_37_and_on_from_1_37_by_default() {
    for (KubernetesVersion v : KubernetesVersion.supported()) {
      assertThat(ClusterProfile.of(v).memoryQos()).as("Kubernetes %s", v).isEqualTo(v.minor() >= 37);
    }
  }

  @Test
  void memory_qos_follows_the_feature_gate_when_it_is_set() {
    assertThat(ClusterProfile.of(KubernetesVersion.V1_35).withFeatureGates("MemoryQoS=true").memoryQos()).isTrue();
    assertThat(ClusterProfile.of(KubernetesVersion.V1_37).withFeatureGates("MemoryQoS=false").memoryQos()).isFalse();
    assertThat(ClusterProfile.defaults().withFeatureGates("MemoryQoS=true").isEnabled(FeatureGate.MemoryQoS)).isTrue();
  }

  @Test
  void the_pod_security_version_is_the_kubernetes_minor_by_default() {
    for (KubernetesVersion v : KubernetesVersion.supported()) {
      assertThat(ClusterProfile.of(v).podSecurityVersion()).isEqualTo("v1." + v.minor());
    }
    assertThat(ClusterProfile.defaults().podSecurityVersion()).isEqualTo("v1.36");
  }

  @Test
  void a_pod_security_version_other_than_latest_or_v1_n_is_refused() {
    assertThat(ClusterProfile.builder().podSecurityVersion("latest").build().podSecurityVersion()).isEqualTo("latest");
    assertThatThrownBy(() -> ClusterProfile.builder().podSecurityVersion("1.36").build())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("podSecurityVersion");
  }

  @Test
  void the_memory_reservation_policy_is_none_by_default_and_tiered_needs_1_36() {
    assertThat(ClusterProfile.defaults().memoryReservationPolicy()).isEqualTo(MemoryReservationPolicy.None);
    assertThat(ClusterProfile.builder().kubernetesVersion(KubernetesVersion.V1_36).memoryReservationPolicy(MemoryReservationPolicy.TieredReservation)
        .build().memoryReservationPolicy()).isEqualTo(MemoryReservationPolicy.TieredReservation);
    assertThatThrownBy(() -> ClusterProfile.builder().kubernetesVersion(KubernetesVersion.V1_35)
        .memoryReservationPolicy(MemoryReservationPolicy.TieredReservation).build())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("memoryReservationPolicy").hasMessageContaining("1.36");
  }

  @Test
  void the_container_and_cri_runtimes_are_found_among_the_runtimes() {
    ClusterProfile p = ClusterProfile.builder().addRuntime(RuntimeVersion.parse("containerd:2.1")).addRuntime(RuntimeVersion.parse("crun:1.23")).build();
    assertThat(p.containerRuntime()).contains(RuntimeVersion.parse("crun:1.23"));
    assertThat(p.criRuntime()).contains(RuntimeVersion.parse("containerd:2.1"));
    assertThat(ClusterProfile.defaults().containerRuntime()).isEmpty();
  }

  @Test
  void one_component_given_twice_is_refused() {
    assertThatThrownBy(() -> ClusterProfile.builder().addRuntime(RuntimeVersion.parse("runc:1.2")).addRuntime(RuntimeVersion.parse("runc:1.3")).build())
        .isInstanceOf(InvalidSpecException.class).hasMessageContaining("runtimes[1]");
  }
}
