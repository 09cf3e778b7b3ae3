package dev.aiinfra.sandbox.policy.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.quantity.ResourceList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeAndQosCgroupsTest {
  @Test
  void qos_cgroups_sum_burstable_requests_and_use_the_linear_weight() {
    QosCgroups.Values v = QosCgroups.compute(List.of(
        List.of(PodCgroupsTest.guaranteed()),
        List.of(PodCgroupsTest.burstable()),
        List.of(PodCgroupsTest.container("b", ResourceList.of("cpu", "750m"), ResourceList.empty())),
        List.of(PodCgroupsTest.container("e", ResourceList.empty(), ResourceList.empty()))), 8000);
    assertThat(v.kubepods().shares()).isEqualTo(8192);
    assertThat(v.kubepods().weight()).isEqualTo(CpuConversions.linearWeight(8192));
    assertThat(v.burstable().shares()).isEqualTo(1024);
    assertThat(v.burstable().weight()).isEqualTo(39);
    assertThat(v.besteffort().shares()).isEqualTo(2);
    assertThat(v.besteffort().weight()).isEqualTo(1);
  }

  @Test
  void a_modern_node_is_ready_with_fail_cgroup_v1() {
    NodeReadiness.Result r = NodeReadiness.check("6.1", "systemd", "containerd:2.0", 37);
    assertThat(r.ready()).isTrue();
    assertThat(r.kubeletConfiguration()).containsEntry("cgroupDriver", "systemd").containsEntry("failCgroupV1", true);
    assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly("CGROUP_FAIL_V1");
  }

  @Test
  void every_blocking_problem_is_listed() {
    NodeReadiness.Result r = NodeReadiness.check("5.4", "cgroupfs", "containerd:1.3", 30);
    assertThat(r.ready()).isFalse();
    assertThat(r.diagnostics()).extracting(Diagnostic::code)
        .containsExactly("CGROUP_KERNEL_TOO_OLD", "CGROUP_DRIVER_NOT_SYSTEMD", "CGROUP_RUNTIME_TOO_OLD");
    assertThat(r.kubeletConfiguration()).doesNotContainKey("failCgroupV1");
  }

  @Test
  void older_but_supported_parts_warn() {
    NodeReadiness.Result r = NodeReadiness.check("5.8.0-63-generic", "systemd", "cri-o:1.21", 34);
    assertThat(r.ready()).isTrue();
    assertThat(r.diagnostics()).extracting(Diagnostic::code).contains("CGROUP_KERNEL_MEMORY_LOW", "CGROUP_RUNTIME_NO_MEMORY_QOS", "CGROUP_FAIL_V1");
  }

  // Regression: API defaulting rounds each quantity up to milli precision (1500u → 2m) before the
  // kubelet sums them: 2m + 2m = 4m (4 shares), not 3m.
  @Test
  void sub_milli_requests_are_rounded_per_container_before_the_sum() {
    CgroupPod pod = CgroupPod.of(List.of(
        PodCgroupsTest.container("a", ResourceList.of("cpu", "1500u"), ResourceList.empty()),
        PodCgroupsTest.container("b", ResourceList.of("cpu", "1500u"), ResourceList.empty())));
    assertThat(QosCgroups.computePods(List.of(pod), 4000).burstable().shares()).isEqualTo(4);
  }
}
