package dev.aiinfra.testing;

import java.util.function.Consumer;

/**
 * Runs a check over generated values and reports the seed and the value when it fails, e.g.
 * {@code Property.forAll(seed, gen, 50, v -> assertThat(...))}.
 */
public final class Property {
  private Property() {}

  /** Checks {@code trials} values generated from {@code seed}; the first failure is rethrown with the seed and value. */
  public static <T> void forAll(long seed, Gen<T> gen, int trials, Consumer<T> check) {
    java.util.SplittableRandom random = Seeds.random(seed);
    for (int i = 0; i < trials; i++) {
      T value = gen.next(random);
      try {
        check.accept(value);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "property failed for seed " + seed + " (replay with -Dai-infra.seed=" + seed + "), trial " + i + ", value:\n  " + value
                + "\n" + e.getMessage(),
            e);
      }
    }
  }
}
