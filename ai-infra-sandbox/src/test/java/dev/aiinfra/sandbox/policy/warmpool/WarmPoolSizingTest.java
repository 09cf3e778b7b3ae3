package dev.aiinfra.sandbox.policy.warmpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.aiinfra.core.model.InvalidSpecException;
import org.junit.jupiter.api.Test;

class WarmPoolSizingTest {
  @Test
  void poisson_claims_wait_when_the_last_cold_start_window_held_at_least_n_claims() {
    // λT = 2: P(Poisson(2) ≥ 5) = 1 − e^−2 (1 + 2 + 2 + 4/3 + 2/3) = 0.052653
    assertThat(WarmPoolSizing.waitProbability(1, 1, 2, 5)).isCloseTo(0.052653, within(1e-6));
    WarmPoolSizing.Result r = WarmPoolSizing.size(1, 1, 2, 0.01);
    // P(≥6) = 0.016564, P(≥7) = 0.004534
    assertThat(r.poolSize()).isEqualTo(7);
    assertThat(r.waitProbability()).isCloseTo(0.004534, within(1e-6));
    assertThat(r.explanation()).contains("7 warm sandboxes");
  }

  @Test
  void fifty_claims_per_second_with_a_thirty_second_cold_start() {
    WarmPoolSizing.Result r = WarmPoolSizing.size(50, 1, 30, 0.01);
    // Poisson(1500): the 99th percentile is about 1500 + 2.33 × 38.7 ≈ 1590
    assertThat(r.poolSize()).isBetween(1585, 1595);
    assertThat(r.meanClaimsInColdStart()).isEqualTo(1500);
  }

  @Test
  void bursts_need_a_bigger_pool() {
    assertThat(WarmPoolSizing.size(5, 4, 10, 0.01).poolSize()).isGreaterThan(WarmPoolSizing.size(5, 1, 10, 0.01).poolSize());
  }

  @Test
  void no_arrivals_need_no_pool() {
    assertThat(WarmPoolSizing.size(0, 1, 10, 0.01).poolSize()).isZero();
    assertThat(WarmPoolSizing.size(10, 1, 0, 0.01).poolSize()).isZero();
  }

  @Test
  void bad_input_is_all_reported() {
    assertThatThrownBy(() -> WarmPoolSizing.size(-1, 0.5, Double.NaN, 1.5))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("claimsPerSecond").hasMessageContaining("meanBurst").hasMessageContaining("coldStartSeconds").hasMessageContaining("targetWaitProbability");
  }
}
