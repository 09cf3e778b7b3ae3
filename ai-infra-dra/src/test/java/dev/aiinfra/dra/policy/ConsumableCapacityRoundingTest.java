package dev.aiinfra.dra.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.dra.model.RequestPolicy;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** roundUpRange over whole numbers, exact where Go's int64 would wrap (issue 14, class 3). */
class ConsumableCapacityRoundingTest {
  private static RequestPolicy range(String min, String step) {
    return RequestPolicy.builder().min(Quantity.parse(min)).step(Quantity.parse(step)).build();
  }

  @Test
  void a_request_is_rounded_up_to_the_next_step_from_min() {
    assertThat(ConsumableCapacity.round(range("8Gi", "8Gi"), Quantity.parse("20Gi").value()))
        .isEqualByComparingTo(Quantity.parse("24Gi").value());
  }

  @Test
  void values_past_int64_are_rounded_exactly_instead_of_overflowing() {
    assertThat(ConsumableCapacity.round(range("8Gi", "30000000000000000000"), new BigDecimal("20000000000000000000")))
        .isEqualByComparingTo(new BigDecimal("30000000008589934592"));
  }

  @Test
  void a_step_must_be_positive() {
    assertThatThrownBy(() -> range("8Gi", "0")).isInstanceOf(InvalidSpecException.class).hasMessageContaining("step", "must be greater than zero");
  }
}
