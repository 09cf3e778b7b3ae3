package dev.aiinfra.sandbox.policy.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.sandbox.model.cgroup.CgroupSettings;
import dev.aiinfra.core.model.profile.MemoryReservationPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodCgroupsTest {
  static ContainerSpec container(String name, ResourceList requests, ResourceList limits) {
    return ContainerSpec.builder().name(name).image("app:1").requests(requests).limits(limits).build();
  }

  static ContainerSpec guaranteed() {
    ResourceList r = ResourceList.of("cpu", "1", "memory", "1Gi");
    return container("app", r, r);
  }

  static ContainerSpec burstable() {
    return container("app", ResourceList.of("cpu", "250m", "memory", "512Mi"), ResourceList.of("cpu", "1", "memory", "1Gi"));
  }

  static final CgroupSettings DEFAULTS = CgroupSettings.builder().build();

  @Test
  void a_memory_limit_past_int64_is_refused_at_its_field_instead_of_wrapping() {
    ContainerSpec huge = container("app", ResourceList.empty(), ResourceList.of("memory", "100000000000000000000", "cpu", "9223372036854775807"));
    assertThatThrownBy(() -> PodCgroups.compute(List.of(huge), DEFAULTS))
        .isInstanceOf(InvalidSpecException.class)
        .satisfies(e -> assertThat(((InvalidSpecException) e).violations()).extracting(Object::toString).containsExactly(
            "containers[0].resources.limits[cpu]: Invalid value: \"9223372036854775807\": the kubelet counts cpu in millicores as a 64-bit"
                + " integer, at most 9223372036854775807m; it would wrap this value around",
            "containers[0].resources.limits[memory]: Invalid value: \"100E\": the kubelet counts memory as a 64-bit integer,"
                + " at most 9223372036854775807; it would wrap this value around"));
  }

  @Test
  void limits_that_only_add_up_past_int64_are_refused_at_the_pod() {
    ResourceList half = ResourceList.of("memory", "5Ei");
    assertThatThrownBy(() -> new CgroupPod(List.of(), List.of(container("a", half, half), container("b", half, half)), ResourceList.empty()))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("the pod's memory limits add up to more than the kubelet can count");
  }

  @Test
  void the_largest_memory_the_kubelet_can_hold_is_written_as_is() {
    ResourceList max = ResourceList.of("memory", "8Ei");
    assertThat(PodCgroups.compute(List.of(container("a", max, max)), DEFAULTS).containers().get(0).memoryMax()).isEqualTo("9223372036854775807");
  }

  @Test
  void qos_class_follows_requests_and_limits() {
    assertThat(QosClass.of(List.of(guaranteed()))).isEqualTo(QosClass.Guaranteed);
    assertThat(QosClass.of(List.of(burstable()))).isEqualTo(QosClass.Burstable);
    assertThat(QosClass.of(List.of(container("a", ResourceList.empty(), ResourceList.empty())))).isEqualTo(QosClass.BestEffort);
    // limits alone default the requests: still Guaranteed
    assertThat(QosClass.of(List.of(container("a", ResourceList.empty(), ResourceList.of("cpu", "1", "memory", "1Gi"))))).isEqualTo(QosClass.Guaranteed);
  }

  @Test
  void a_one_cpu_container_gets_weight100_on_new_runtimes_while_its_pod_cgroup_gets39() {
    PodCgroup p = PodCgroups.compute(List.of(guaranteed()), DEFAULTS);
    ContainerCgroup c = p.containers().get(0);
    assertThat(c.cpuShares()).isEqualTo(1024);
    assertThat(c.cpuWeight()).isEqualTo(100);
    assertThat(c.cpuMax()).contains("100000 100000");
    assertThat(c.memoryMax()).isEqualTo("1073741824");
    assertThat(c.memoryOomGroup()).contains(1L);
    assertThat(p.podCpuWeight()).isEqualTo(39);
    assertThat(p.podCpuMax()).contains("100000 100000");
    assertThat(p.podMemoryMax()).contains(1073741824L);
    assertThat(p.podPidsMax()).isEqualTo("max");
  }

  @Test
  void older_runtimes_use_the_linear_mapping() {
    assertThat(PodCgroups.compute(List.of(guaranteed()), DEFAULTS.withRuntime("runc:1.2.6")).containers().get(0).cpuWeight()).isEqualTo(39);
    assertThat(PodCgroups.compute(List.of(guaranteed()), DEFAULTS.withRuntime("crun:1.22")).containers().get(0).cpuWeight()).isEqualTo(39);
    assertThat(PodCgroups.compute(List.of(guaranteed()), DEFAULTS.withRuntime("crun:1.23")).containers().get(0).cpuWeight()).isEqualTo(100);
  }

  @Test
  void best_effort_gets_two_shares_and_no_pod_limits() {
    PodCgroup p = PodCgroups.compute(List.of(container("a", ResourceList.empty(), ResourceList.empty())), DEFAULTS);
    assertThat(p.podCpuShares()).isEqualTo(2);
    assertThat(p.podCpuWeight()).isEqualTo(1);
    assertThat(p.podCpuMax()).isEmpty();
    assertThat(p.podMemoryMax()).isEmpty();
    assertThat(p.containers().get(0).cpuMax()).contains("max 100000");
    assertThat(p.containers().get(0).memoryMax()).isEqualTo("max");
  }

  @Test
  void memory_high_before137_uses_the_default_throttling_factor_rounded_down_to_pages() {
    PodCgroup p = PodCgroups.compute(List.of(burstable()), DEFAULTS.withKubernetesMinor(35).withMemoryQos(true));
    ContainerCgroup c = p.containers().get(0);
    assertThat(c.memoryMin()).contains(536_870_912L);
    assertThat(c.memoryHigh()).contains(249_036L * 4096);
    assertThat(c.cpuShares()).isEqualTo(256);
    assertThat(c.cpuMax()).contains("100000 100000");
  }

  @Test
  void from137_memory_high_needs_an_explicit_factor() {
    assertThat(PodCgroups.compute(List.of(burstable()), DEFAULTS).containers().get(0).memoryHigh()).isEmpty();
    assertThat(PodCgroups.compute(List.of(burstable()), DEFAULTS.withMemoryThrottlingFactor(0.9)).containers().get(0).memoryHigh())
        .contains(249_036L * 4096);
  }

  @Test
  void tiered_reservation_protects_burstable_requests_with_memory_low() {
    CgroupSettings tiered = DEFAULTS.withKubernetesMinor(36).withMemoryQos(true).withMemoryReservationPolicy(MemoryReservationPolicy.TieredReservation);
    ContainerCgroup b = PodCgroups.compute(List.of(burstable()), tiered).containers().get(0);
    assertThat(b.memoryLow()).contains(536_870_912L);
    assertThat(b.memoryMin()).isEmpty();
    ContainerCgroup g = PodCgroups.compute(List.of(guaranteed()), tiered).containers().get(0);
    assertThat(g.memoryMin()).contains(1_073_741_824L);
    assertThat(g.memoryLow()).isEmpty();
    // without the tiered policy the kubelet writes both protections as 0
    assertThat(PodCgroups.compute(List.of(burstable()), tiered.withMemoryReservationPolicy(MemoryReservationPolicy.None)).containers().get(0).memoryLow())
        .contains(0L);
  }

  @Test
  void switches_that_remove_files() {
    PodCgroup p = PodCgroups.compute(List.of(guaranteed()), DEFAULTS.withCpuCfsQuota(false).withSingleProcessOomKill(true).withPodPidsLimit(4096));
    assertThat(p.containers().get(0).cpuMax()).isEmpty();
    assertThat(p.containers().get(0).cpuQuota()).isEqualTo(Optional.empty());
    assertThat(p.containers().get(0).memoryOomGroup()).isEmpty();
    // the pod cgroup keeps its period with an unlimited quota
    assertThat(p.podCpuMax()).contains("max 100000");
    assertThat(p.podPidsMax()).isEqualTo("4096");
  }

  @Test
  void a_burstable_pod_without_every_limit_has_no_pod_quota() {
    PodCgroup p = PodCgroups.compute(List.of(burstable(), container("side", ResourceList.of("cpu", "100m"), ResourceList.empty())), DEFAULTS);
    assertThat(p.podCpuShares()).isEqualTo(CpuConversions.sharesFromMilliCpu(350));
    assertThat(p.podCpuMax()).isEmpty();
    assertThat(p.podMemoryMax()).isEmpty();
  }

  @Test
  void invalid_settings_are_all_reported() {
    assertThatThrownBy(() -> CgroupSettings.builder().runtime("docker:20").kubernetesMinor(20).pageSize(3000).memoryThrottlingFactor(1.5).build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("runtime").hasMessageContaining("kubernetesVersion").hasMessageContaining("pageSize").hasMessageContaining("memoryThrottlingFactor");
  }

  @Test
  void a_large_init_container_sets_the_pod_request_and_gets_its_own_cgroup() {
    ContainerSpec init = container("migrate", ResourceList.of("cpu", "2", "memory", "2Gi"), ResourceList.of("cpu", "2", "memory", "2Gi"));
    PodCgroup p = PodCgroups.compute(new CgroupPod(List.of(init), List.of(guaranteed())), DEFAULTS);
    assertThat(p.qos()).isEqualTo(QosClass.Guaranteed);
    assertThat(p.podCpuShares()).isEqualTo(2048);
    assertThat(p.podCpuMax()).contains("200000 100000");
    assertThat(p.podMemoryMax()).contains(2L << 30);
    assertThat(p.containers()).extracting(ContainerCgroup::name).containsExactly("migrate", "app");
    assertThat(p.containers()).extracting(ContainerCgroup::initContainer).containsExactly(true, false);
    assertThat(p.containers().get(0).cpuShares()).isEqualTo(2048);
  }

  @Test
  void sidecars_add_to_the_running_sum_and_to_later_init_containers() {
    ContainerSpec sidecar = ContainerSpec.builder().from(container("proxy", ResourceList.of("cpu", "500m"), ResourceList.empty()))
        .restartPolicy(dev.aiinfra.core.model.workload.RestartPolicy.Always).build();
    ContainerSpec init = container("setup", ResourceList.of("cpu", "1"), ResourceList.empty());
    ContainerSpec app = container("app", ResourceList.of("cpu", "250m"), ResourceList.empty());
    // running: 500m + 250m = 750m; init after the sidecar: 1000m + 500m = 1500m
    assertThat(PodCgroups.compute(new CgroupPod(List.of(sidecar, init), List.of(app)), DEFAULTS).podCpuShares()).isEqualTo(1536);
    // init before the sidecar: 1000m alone; running 750m
    assertThat(PodCgroups.compute(new CgroupPod(List.of(init, sidecar), List.of(app)), DEFAULTS).podCpuShares()).isEqualTo(1024);
  }

  @Test
  void an_init_container_without_limits_keeps_a_burstable_pod_uncapped() {
    ContainerSpec init = container("setup", ResourceList.of("cpu", "100m"), ResourceList.empty());
    PodCgroup p = PodCgroups.compute(new CgroupPod(List.of(init), List.of(burstable())), DEFAULTS);
    assertThat(p.qos()).isEqualTo(QosClass.Burstable);
    assertThat(p.podCpuMax()).isEmpty();
    assertThat(p.podMemoryMax()).isEmpty();
  }

  @Test
  void init_containers_count_in_the_burstable_qos_cgroup() {
    ContainerSpec init = container("setup", ResourceList.of("cpu", "3"), ResourceList.empty());
    QosCgroups.Values v = QosCgroups.computePods(List.of(new CgroupPod(List.of(init), List.of(burstable()))), 4000);
    assertThat(v.burstable().shares()).isEqualTo(3072);
  }

  @Test
  void runtime_class_overhead_is_added_to_the_pod_request_and_to_declared_limits() {
    ResourceList overhead = ResourceList.of("cpu", "250m", "memory", "160Mi");
    PodCgroup guaranteed = PodCgroups.compute(new CgroupPod(List.of(), List.of(guaranteed()), overhead), DEFAULTS);
    assertThat(guaranteed.podCpuShares()).isEqualTo(1280);
    assertThat(guaranteed.podCpuMax()).contains("125000 100000");
    assertThat(guaranteed.podMemoryMax()).contains((1L << 30) + (160L << 20));
    assertThat(guaranteed.containers().get(0).cpuShares()).isEqualTo(1024);
    PodCgroup bestEffort = PodCgroups.compute(new CgroupPod(List.of(), List.of(container("a", ResourceList.empty(), ResourceList.empty())), overhead), DEFAULTS);
    assertThat(bestEffort.podCpuShares()).isEqualTo(2);
    assertThat(bestEffort.podMemoryMax()).isEmpty();
  }

  // Regression (conformance CGROUP-POD): kuberuntime 1.36 writes memory.min=0 and memory.low=0 for every
  // container when Memory QoS is on and no tiered reservation applies (policy None, or no memory request).
  @Test
  void memory_qos_without_tiered_reservation_resets_min_and_low_to_zero() {
    CgroupSettings qos = DEFAULTS.withKubernetesMinor(36).withMemoryQos(true);
    ContainerCgroup b = PodCgroups.compute(List.of(burstable()), qos).containers().get(0);
    assertThat(b.memoryMin()).contains(0L);
    assertThat(b.memoryLow()).contains(0L);
    ContainerCgroup noRequest = PodCgroups.compute(List.of(container("a", ResourceList.of("cpu", "1"), ResourceList.empty())),
        qos.withMemoryReservationPolicy(MemoryReservationPolicy.TieredReservation)).containers().get(0);
    assertThat(noRequest.memoryMin()).contains(0L);
    assertThat(noRequest.memoryLow()).contains(0L);
    ContainerCgroup off = PodCgroups.compute(List.of(burstable()), qos.withMemoryQos(false)).containers().get(0);
    assertThat(off.memoryMin()).isEmpty();
    assertThat(off.memoryLow()).isEmpty();
  }

  // Regression (conformance CGROUP-POD): with cpuCFSQuota=false ResourceConfigForPod sets quota -1 and
  // keeps the period, so the pod cgroup of a Guaranteed pod (or a Burstable one with every CPU limit) gets "max <period>".
  @Test
  void cfs_quota_off_leaves_the_pod_cgroup_unlimited_with_its_period() {
    CgroupSettings off = DEFAULTS.withCpuCfsQuota(false).withCpuCfsQuotaPeriodMicros(50_000);
    assertThat(PodCgroups.compute(List.of(guaranteed()), off).podCpuMax()).contains("max 50000");
    assertThat(PodCgroups.compute(List.of(burstable()), off).podCpuMax()).contains("max 50000");
    assertThat(PodCgroups.compute(List.of(container("a", ResourceList.of("cpu", "1"), ResourceList.empty())), off).podCpuMax()).isEmpty();
  }

  // Regression (conformance CGROUP-QOS): an explicit zero memory request with a memory limit is not
  // "request defaults to limit": the kubelet's QoS class is Burstable.
  @Test
  void an_explicit_zero_request_below_the_limit_makes_the_pod_burstable() {
    ContainerSpec c = container("a", ResourceList.of("memory", "0"), ResourceList.of("cpu", "250m", "memory", "20Gi"));
    assertThat(QosClass.of(List.of(c))).isEqualTo(QosClass.Burstable);
  }

  // Regression (conformance CGROUP-POD): the kubelet checks an init container's limits together with the
  // sidecars started before it, so an init container without a CPU limit after a limited sidecar still
  // lets a Burstable pod get its quota (and likewise memory.max).
  @Test
  void an_init_container_after_a_limited_sidecar_counts_as_limited() {
    ContainerSpec sidecar = ContainerSpec.builder().name("side").image("app:1").requests(ResourceList.empty())
        .limits(ResourceList.of("cpu", "3", "memory", "1Gi")).restartPolicy(dev.aiinfra.core.model.workload.RestartPolicy.Always).build();
    ContainerSpec init = container("init", ResourceList.of("memory", "100Mi"), ResourceList.empty());
    ContainerSpec app = container("app", ResourceList.of("cpu", "1", "memory", "1Gi"), ResourceList.of("cpu", "2", "memory", "2Gi"));
    PodCgroup p = PodCgroups.compute(new CgroupPod(List.of(sidecar, init), List.of(app)), DEFAULTS);
    assertThat(p.qos()).isEqualTo(QosClass.Burstable);
    assertThat(p.podCpuMax()).contains("500000 100000");
    assertThat(p.podMemoryMax()).contains(3L << 30);
    // the same init container before the sidecar leaves the pod uncapped
    PodCgroup q = PodCgroups.compute(new CgroupPod(List.of(init, sidecar), List.of(app)), DEFAULTS);
    assertThat(q.podCpuMax()).isEmpty();
    assertThat(q.podMemoryMax()).isEmpty();
  }

  // Regression (conformance CGROUP-POD, seed 777): the kubelet adds the containers' stored quantities
  // (milli precision) exactly and rounds the pod total up once (1.1 + 0.1 bytes = 1.2 → 2), not each
  // container first (2 + 1 = 3).
  @Test
  void pod_totals_are_summed_exactly_and_rounded_once() {
    PodCgroup p = PodCgroups.compute(List.of(
        container("a", ResourceList.of("memory", "1.1"), ResourceList.of("cpu", "200m", "memory", "1.1")),
        container("b", ResourceList.of("cpu", "1n", "memory", "100m"), ResourceList.of("cpu", "1n", "memory", "100m"))), DEFAULTS);
    assertThat(p.podMemoryMax()).contains(2L);
    assertThat(p.containers().get(0).memoryMax()).isEqualTo("2");
    assertThat(p.containers().get(1).memoryMax()).isEqualTo("1");
    // 1n CPU is stored as 1m: 200m + 1m
    assertThat(p.podCpuMax()).contains("20100 100000");
  }

  // Regression: a request and limit that differ only below milli precision are equal once stored.
  @Test
  void request_and_limit_equal_after_milli_rounding_are_guaranteed() {
    ContainerSpec c = container("a", ResourceList.of("cpu", "1500u", "memory", "1Gi"), ResourceList.of("cpu", "2m", "memory", "1Gi"));
    assertThat(QosClass.of(List.of(c))).isEqualTo(QosClass.Guaranteed);
  }
}
