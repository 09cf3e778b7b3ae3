package dev.aiinfra.sandbox.policy.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodLevelResources;
import dev.aiinfra.sandbox.model.cgroup.CgroupSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The kubelet's QoS class and cgroup values for a pod with pod-level resources (KEP-2837). */
class PodLevelCgroupsTest {
  private static final CgroupSettings ON = CgroupSettings.builder().kubernetesMinor(36).build();
  private static final CgroupSettings OFF = CgroupSettings.builder().kubernetesMinor(36).podLevelResources(false).build();

  private static ContainerSpec container(String name, ResourceList requests, ResourceList limits) {
    return ContainerSpec.builder().name(name).image("app:1").requests(requests).limits(limits).build();
  }

  private static CgroupPod pod(PodLevelResources resources, ContainerSpec... containers) {
    return new CgroupPod(List.of(), List.of(containers), ResourceList.empty(), Optional.of(resources));
  }

  private static final PodLevelResources FOUR_CPU_8GI = PodLevelResources.of(ResourceList.empty(), ResourceList.of("cpu", "4", "memory", "8Gi"));

  @Test
  void pod_level_limits_alone_make_a_pod_of_bare_containers_guaranteed() {
    CgroupPod p = pod(FOUR_CPU_8GI, container("a", ResourceList.empty(), ResourceList.empty()), container("b", ResourceList.empty(), ResourceList.empty()));
    assertThat(QosClass.of(p, true)).isEqualTo(QosClass.Guaranteed);
    assertThat(QosClass.of(p, false)).isEqualTo(QosClass.BestEffort);
  }

  @Test
  void the_pod_cgroup_takes_the_pod_level_limit_and_request() {
    PodCgroup c = PodCgroups.compute(pod(FOUR_CPU_8GI, container("a", ResourceList.empty(), ResourceList.empty())), ON);
    assertThat(c.podCpuShares()).isEqualTo(4096);
    assertThat(c.podCpuMax()).contains("400000 100000");
    assertThat(c.podMemoryMax()).contains(8L * 1024 * 1024 * 1024);
  }

  @Test
  void a_container_without_its_own_limit_is_capped_by_the_pod_level_limit() {
    PodCgroup c = PodCgroups.compute(pod(FOUR_CPU_8GI,
        container("a", ResourceList.of("cpu", "1"), ResourceList.of("cpu", "2", "memory", "1Gi")),
        container("b", ResourceList.of("cpu", "1"), ResourceList.empty())), ON);
    assertThat(c.containers().get(0).cpuMax()).contains("200000 100000");
    assertThat(c.containers().get(0).memoryMax()).isEqualTo(Long.toString(1L << 30));
    assertThat(c.containers().get(1).cpuMax()).contains("400000 100000");
    assertThat(c.containers().get(1).memoryMax()).isEqualTo(Long.toString(8L << 30));
  }

  @Test
  void pod_level_requests_set_the_pod_shares_and_leave_the_containers_own() {
    PodCgroup c = PodCgroups.compute(pod(PodLevelResources.of(ResourceList.of("cpu", "3"), ResourceList.empty()),
        container("a", ResourceList.of("cpu", "1"), ResourceList.empty())), ON);
    assertThat(c.qos()).isEqualTo(QosClass.Burstable);
    assertThat(c.podCpuShares()).isEqualTo(3072);
    assertThat(c.podCpuMax()).isEmpty();
    assertThat(c.containers().get(0).cpuShares()).isEqualTo(1024);
  }

  @Test
  void with_the_gate_off_the_kubelet_uses_the_containers_alone() {
    PodCgroup c = PodCgroups.compute(pod(FOUR_CPU_8GI, container("a", ResourceList.of("cpu", "1"), ResourceList.empty())), OFF);
    assertThat(c.qos()).isEqualTo(QosClass.Burstable);
    assertThat(c.podCpuShares()).isEqualTo(1024);
    assertThat(c.containers().get(0).cpuMax()).contains("max 100000");
  }

  @Test
  void an_empty_pod_level_resources_object_makes_the_pod_best_effort_as_the_kubelet_computes_it() {
    CgroupPod p = pod(PodLevelResources.of(ResourceList.empty(), ResourceList.empty()), container("a", ResourceList.of("cpu", "1"), ResourceList.empty()));
    assertThat(QosClass.of(p, true)).isEqualTo(QosClass.BestEffort);
  }

  @Test
  void a_bare_container_gets_cpu_shares_from_the_pod_level_limit() {
    PodCgroup c = PodCgroups.compute(pod(PodLevelResources.of(ResourceList.of("cpu", "100m"), ResourceList.of("cpu", "200m")),
        container("a", ResourceList.empty(), ResourceList.empty())), ON);
    assertThat(c.containers().get(0).cpuShares()).isEqualTo(204);
    assertThat(c.podCpuShares()).isEqualTo(102);
  }
}
