package dev.aiinfra.sandbox.policy.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.sandbox.model.cgroup.CgroupSettings;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of the cgroup v2 conversions and pod values over generated shares and pods. */
class CgroupPropertiesTest {
  static LongStream seeds() {
    return Seeds.of(8);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void weight_is_monotone_in_shares_and_within_range(long seed) {
    Gen<long[]> pairs = r -> {
      long a = r.nextLong(0, 300_000);
      long b = r.nextLong(0, 300_000);
      return new long[] {Math.min(a, b), Math.max(a, b)};
    };
    Property.forAll(seed, pairs, 2000, p -> {
      for (WeightFormula f : WeightFormula.values()) {
        assertThat(f.weight(p[0])).isLessThanOrEqualTo(f.weight(p[1])).isBetween(0L, 10_000L);
      }
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void shares_and_quota_are_monotone_and_respect_their_bounds(long seed) {
    Gen<long[]> millis = r -> {
      long a = r.nextLong(0, 400_000);
      long b = r.nextLong(0, 400_000);
      return new long[] {Math.min(a, b), Math.max(a, b), 1000 + r.nextLong(0, 999_001)};
    };
    Property.forAll(seed, millis, 2000, m -> {
      assertThat(CpuConversions.sharesFromMilliCpu(m[0])).isLessThanOrEqualTo(CpuConversions.sharesFromMilliCpu(m[1])).isBetween(2L, 262_144L);
      long q = CpuConversions.quotaFromMilliCpu(m[1], m[2]);
      assertThat(q == 0 ? m[1] == 0 : q >= 1000).isTrue();
      assertThat(CpuConversions.quotaFromMilliCpu(m[0], m[2])).isLessThanOrEqualTo(q == 0 ? 0 : q);
    });
  }

  private static Gen<List<ContainerSpec>> pods() {
    return r -> {
      List<ContainerSpec> out = new ArrayList<>();
      int n = 1 + r.nextInt(4);
      for (int i = 0; i < n; i++) {
        ResourceList req = ResourceList.empty();
        ResourceList lim = ResourceList.empty();
        if (r.nextBoolean()) {
          long cpu = 1 + r.nextInt(8000);
          req = req.with("cpu", dev.aiinfra.core.model.quantity.Quantity.ofMillis(cpu));
          if (r.nextBoolean()) {
            lim = lim.with("cpu", dev.aiinfra.core.model.quantity.Quantity.ofMillis(cpu + r.nextInt(2) * r.nextInt(4000)));
          }
        }
        if (r.nextBoolean()) {
          long mem = (1 + r.nextInt(64)) * 64L * 1024 * 1024;
          req = req.with("memory", dev.aiinfra.core.model.quantity.Quantity.ofBytes(mem));
          if (r.nextBoolean()) {
            lim = lim.with("memory", dev.aiinfra.core.model.quantity.Quantity.ofBytes(mem + r.nextInt(2) * (long) r.nextInt(1 << 30)));
          }
        }
        out.add(ContainerSpec.builder().name("c" + i).image("app:1").requests(req).limits(lim).build());
      }
      return out;
    };
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void pod_values_are_consistent_with_the_qos_class(long seed) {
    Gen<CgroupSettings> settings = r -> CgroupSettings.builder()
        .runtime(r.nextBoolean() ? "runc:1.3.2" : "runc:1.2.6")
        .kubernetesMinor(30 + r.nextInt(8))
        .memoryQos(r.nextBoolean())
        .nodeAllocatableMemory(64L << 30)
        .build();
    Property.forAll(seed, r -> new Object[] {pods().next(r), settings.next(r)}, 500, o -> {
      @SuppressWarnings("unchecked")
      List<ContainerSpec> pod = (List<ContainerSpec>) o[0];
      CgroupSettings s = (CgroupSettings) o[1];
      PodCgroup p = PodCgroups.compute(pod, s);
      assertThat(p.qos()).isEqualTo(QosClass.of(pod));
      assertThat(p.containers()).hasSize(pod.size());
      if (p.qos() == QosClass.BestEffort) {
        assertThat(p.podCpuShares()).isEqualTo(2);
        assertThat(p.podCpuMax()).isEmpty();
      }
      if (p.qos() == QosClass.Guaranteed) {
        assertThat(p.podCpuMax()).isPresent();
        assertThat(p.podMemoryMax()).isPresent();
      }
      for (ContainerCgroup c : p.containers()) {
        assertThat(c.cpuWeight()).isEqualTo((s.quadraticWeight() ? WeightFormula.QUADRATIC : WeightFormula.LINEAR).weight(c.cpuShares()));
        c.memoryHigh().ifPresent(h -> {
          assertThat(h % s.pageSize()).isZero();
          if (!c.memoryMax().equals("max")) {
            assertThat(h).isLessThanOrEqualTo(Long.parseLong(c.memoryMax()));
          }
        });
      }
    });
  }
}
