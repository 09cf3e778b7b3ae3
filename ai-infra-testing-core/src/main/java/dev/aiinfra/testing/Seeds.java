package dev.aiinfra.testing;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Seeds for property tests. By default a fixed base seed gives the same cases on every run (CI is
 * reproducible); {@code -Dai-infra.seed=N} replays one case; {@code -Dai-infra.seed.base=N} explores
 * a different set. Print the seed in the test name (e.g. {@code @ParameterizedTest(name = "seed {0}")})
 * so a failure says how to replay it.
 */
public final class Seeds {
  /** Default base seed. */
  public static final long DEFAULT_BASE = 0x5EED_A11F_2026L;

  private Seeds() {}

  /** {@code count} seeds, or only the one given with {@code -Dai-infra.seed}. */
  public static LongStream of(int count) {
    String one = System.getProperty("ai-infra.seed");
    if (one != null && !one.isBlank()) {
      return LongStream.of(Long.parseLong(one.trim()));
    }
    long base = Long.getLong("ai-infra.seed.base", DEFAULT_BASE);
    SplittableRandom r = new SplittableRandom(base);
    return LongStream.generate(r::nextLong).limit(count);
  }

  /** A random source for one seed. */
  public static SplittableRandom random(long seed) {
    return new SplittableRandom(seed);
  }
}
