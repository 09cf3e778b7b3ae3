package dev.aiinfra.sandbox.policy.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exact values from kubelet's helpers_linux.go and opencontainers/cgroups' utils_test.go. */
class CpuConversionsTest {
  @Test
  void quadratic_weight_matches_the_upstream_table() {
    long[][] table = {{0, 0}, {1, 1}, {2, 1}, {3, 2}, {1024, 100}, {262_143, 10_000}, {262_144, 10_000}, {262_145, 10_000}, {2000, 170}};
    for (long[] row : table) {
      assertThat(CpuConversions.quadraticWeight(row[0])).as("shares %d", row[0]).isEqualTo(row[1]);
    }
  }

  @Test
  void linear_weight_matches_the_kubelets_own() {
    assertThat(CpuConversions.linearWeight(0)).isZero();
    assertThat(CpuConversions.linearWeight(1)).isEqualTo(1);
    assertThat(CpuConversions.linearWeight(2)).isEqualTo(1);
    assertThat(CpuConversions.linearWeight(1024)).isEqualTo(39);
    assertThat(CpuConversions.linearWeight(2000)).isEqualTo(77);
    assertThat(CpuConversions.linearWeight(262_144)).isEqualTo(10_000);
  }

  @Test
  void quadratic_maps_the_v1_default_to_the_v2_default_at_every_power_of_two() {
    for (int k = 1; k <= 18; k++) {
      long s = 1L << k;
      double l = k;
      long expected = (long) Math.ceil(Math.pow(10, (l * l + 125 * l) / 612.0 - 7.0 / 34.0));
      assertThat(CpuConversions.quadraticWeight(s)).isEqualTo(Math.min(expected, 10_000));
    }
    assertThat(CpuConversions.quadraticWeight(1024)).isEqualTo(100);
  }

  @Test
  void weight_is_monotone_in_shares() {
    for (WeightFormula f : WeightFormula.values()) {
      long previous = 0;
      for (long s = 0; s <= 262_200; s += 7) {
        long w = f.weight(s);
        assertThat(w).as("%s at %d", f, s).isGreaterThanOrEqualTo(previous).isBetween(0L, 10_000L);
        previous = w;
      }
    }
  }

  @Test
  void shares_from_milli_cpu_clamp_to_two_and_the_maximum() {
    assertThat(CpuConversions.sharesFromMilliCpu(0)).isEqualTo(2);
    assertThat(CpuConversions.sharesFromMilliCpu(1)).isEqualTo(2);
    assertThat(CpuConversions.sharesFromMilliCpu(250)).isEqualTo(256);
    assertThat(CpuConversions.sharesFromMilliCpu(1000)).isEqualTo(1024);
    assertThat(CpuConversions.sharesFromMilliCpu(1_000_000)).isEqualTo(262_144);
  }

  @Test
  void quota_has_a_one_millisecond_floor_and_zero_means_no_limit() {
    assertThat(CpuConversions.quotaFromMilliCpu(0, 100_000)).isZero();
    assertThat(CpuConversions.quotaFromMilliCpu(1, 100_000)).isEqualTo(1000);
    assertThat(CpuConversions.quotaFromMilliCpu(500, 100_000)).isEqualTo(50_000);
    assertThat(CpuConversions.quotaFromMilliCpu(2500, 50_000)).isEqualTo(125_000);
    assertThat(CpuConversions.cpuMax(50_000, 100_000)).isEqualTo("50000 100000");
    assertThat(CpuConversions.cpuMax(0, 100_000)).isEqualTo("max 100000");
  }
}
