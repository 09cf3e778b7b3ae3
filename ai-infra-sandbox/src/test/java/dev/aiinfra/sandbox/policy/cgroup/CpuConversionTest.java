package dev.aiinfra.sandbox.policy.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@code cgroup convert}'s answer: shares and weight from shares or a request, quota and cpu.max from a limit. */
class CpuConversionTest {
  @Test
  void a_request_becomes_the_kubelets_shares_and_their_weight() {
    CpuConversion c = CpuConversion.of(OptionalLong.empty(), OptionalLong.of(250), OptionalLong.empty(), 100_000, WeightFormula.LINEAR);
    assertThat(c.shares()).hasValue(256);
    assertThat(c.weight()).hasValue(WeightFormula.LINEAR.weight(256));
    assertThat(c.cpuMax()).isEmpty();
  }

  @Test
  void a_limit_alone_gives_quota_and_cpu_max_without_shares() {
    CpuConversion c = CpuConversion.of(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(1500), 50_000, WeightFormula.QUADRATIC);
    assertThat(c.shares()).isEmpty();
    assertThat(c.quota()).hasValue(75_000);
    assertThat(c.cpuMax()).hasValue("75000 50000");
  }
}
