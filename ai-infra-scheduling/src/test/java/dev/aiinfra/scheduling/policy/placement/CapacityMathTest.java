package dev.aiinfra.scheduling.policy.placement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Capacity arithmetic never wraps around (issue 14, class 3). */
class CapacityMathTest {
  private static final long MAX = Long.MAX_VALUE;

  @Test
  void sums_past_int64_saturate() {
    assertThat(CapacityMath.add(MAX, 1)).isEqualTo(MAX);
    assertThat(CapacityMath.add(-MAX, -5)).isEqualTo(Long.MIN_VALUE);
    assertThat(CapacityMath.add(40, 2)).isEqualTo(42);
  }

  @Test
  void differences_past_int64_saturate() {
    assertThat(CapacityMath.subtract(-MAX, MAX)).isEqualTo(Long.MIN_VALUE);
    assertThat(CapacityMath.subtract(MAX, -1)).isEqualTo(MAX);
    assertThat(CapacityMath.subtract(5, 7)).isEqualTo(-2);
  }

  @Test
  void products_past_int64_saturate_with_their_sign() {
    assertThat(CapacityMath.multiply(MAX / 2 + 1, 2)).isEqualTo(MAX);
    assertThat(CapacityMath.multiply(-MAX, 3)).isEqualTo(Long.MIN_VALUE);
    assertThat(CapacityMath.multiply(-4, 5)).isEqualTo(-20);
  }

  @Test
  void shares_are_exact_where_the_product_would_overflow() {
    assertThat(CapacityMath.share(MAX - 1, 100_000, MAX)).isEqualTo(99_999);
    assertThat(CapacityMath.share(MAX, 100_000, MAX)).isEqualTo(100_000);
    assertThat(CapacityMath.share(3, 100_000, 4)).isEqualTo(75_000);
  }
}
