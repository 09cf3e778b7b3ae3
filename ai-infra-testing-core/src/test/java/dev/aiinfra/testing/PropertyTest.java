package dev.aiinfra.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyTest {
  @Test
  void a_failing_check_names_the_seed_the_trial_and_the_value() {
    assertThatThrownBy(() -> Property.forAll(42L, Gen.ints(0, 9), 100, v -> assertThat(v).isLessThan(5)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("property failed for seed 42 (replay with -Dai-infra.seed=42), trial ")
        .hasMessageContaining("to be less than");
  }

  @Test
  void the_same_seed_generates_the_same_values() {
    Gen<List<Integer>> lists = Gen.listOf(Gen.ints(-100, 100), 0, 10);

    assertThat(lists.next(Seeds.random(7L))).isEqualTo(lists.next(Seeds.random(7L)));
  }

  @Test
  void a_passing_check_sees_every_trial() {
    List<Integer> seen = new ArrayList<>();
    Property.forAll(1L, Gen.ints(1, 3), 25, seen::add);

    assertThat(seen).hasSize(25).allMatch(v -> v >= 1 && v <= 3);
  }

  @Test
  void seeds_default_to_a_fixed_reproducible_set() {
    assertThat(Seeds.of(5).toArray()).isEqualTo(Seeds.of(5).toArray());
  }
}
