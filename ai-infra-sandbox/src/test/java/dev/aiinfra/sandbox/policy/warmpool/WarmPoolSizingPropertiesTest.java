package dev.aiinfra.sandbox.policy.warmpool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The analytical warm-pool size against a discrete-event simulation, and its monotonicity. */
class WarmPoolSizingPropertiesTest {
  static LongStream seeds() {
    return Seeds.of(4);
  }

  private record Case(double rate, double burst, double coldStart, double target) {}

  private static Gen<Case> cases() {
    return r -> new Case(0.2 + r.nextDouble() * 20, 1 + r.nextInt(4) * r.nextDouble() * 2, 1 + r.nextInt(30), 0.01 + r.nextDouble() * 0.2);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void the_analytical_wait_probability_matches_the_simulation(long seed) {
    Property.forAll(seed, cases(), 4, c -> {
      WarmPoolSizing.Result s = WarmPoolSizing.size(c.rate(), c.burst(), c.coldStart(), c.target());
      // Claims within one cold-start window are correlated: simulate 5,000 windows and allow 4 standard errors.
      double windowClaims = Math.max(1, c.rate() * c.coldStart() * c.burst());
      long claims = (long) Math.min(5_000_000, Math.max(200_000, 5_000 * windowClaims));
      double simulated = WarmPoolSimulation.waitShare(c.rate(), c.burst(), c.coldStart(), s.poolSize(), claims, seed);
      assertThat(simulated).isCloseTo(s.waitProbability(), org.assertj.core.api.Assertions.within(tolerance(s.waitProbability(), claims, windowClaims)));
      if (s.poolSize() > 0) {
        double withOneLess = WarmPoolSimulation.waitShare(c.rate(), c.burst(), c.coldStart(), s.poolSize() - 1, claims, seed + 1);
        assertThat(withOneLess).isCloseTo(s.waitProbabilityWithOneLess(),
            org.assertj.core.api.Assertions.within(tolerance(s.waitProbabilityWithOneLess(), claims, windowClaims)));
      }
    });
  }

  private static double tolerance(double p, long claims, double windowClaims) {
    return 0.002 + 4 * Math.sqrt(p * (1 - p) * windowClaims / claims);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void the_size_is_the_smallest_that_meets_the_target(long seed) {
    Property.forAll(seed, cases(), 100, c -> {
      WarmPoolSizing.Result s = WarmPoolSizing.size(c.rate(), c.burst(), c.coldStart(), c.target());
      assertThat(s.waitProbability()).isLessThanOrEqualTo(c.target());
      if (s.poolSize() > 0) {
        assertThat(s.waitProbabilityWithOneLess()).isGreaterThan(c.target());
      }
    });
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void more_load_longer_cold_starts_burstier_arrivals_or_stricter_targets_never_shrink_the_pool(long seed) {
    Property.forAll(seed, cases(), 100, c -> {
      int base = WarmPoolSizing.size(c.rate(), c.burst(), c.coldStart(), c.target()).poolSize();
      assertThat(WarmPoolSizing.size(c.rate() * 1.5, c.burst(), c.coldStart(), c.target()).poolSize()).isGreaterThanOrEqualTo(base);
      assertThat(WarmPoolSizing.size(c.rate(), c.burst(), c.coldStart() + 5, c.target()).poolSize()).isGreaterThanOrEqualTo(base);
      assertThat(WarmPoolSizing.size(c.rate(), c.burst() + 1, c.coldStart(), c.target()).poolSize()).isGreaterThanOrEqualTo(base);
      assertThat(WarmPoolSizing.size(c.rate(), c.burst(), c.coldStart(), c.target() / 2).poolSize()).isGreaterThanOrEqualTo(base);
    });
  }
}
