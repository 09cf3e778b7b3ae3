package dev.aiinfra.conformance;

import java.nio.file.Path;

/** The suite's settings: cases per area, first seed, output folder (system properties set by the pom). */
public final class Conformance {
  private Conformance() {}

  public static int cases() {
    return Integer.getInteger("ai-infra.conformance.cases", 2000);
  }

  public static long seed() {
    return Long.getLong("ai-infra.conformance.seed", 20261202L);
  }

  /** The seed of case {@code index} of the run started with {@code seed}. */
  public static long caseSeed(long seed, int index) {
    // Mixed, not just stepped: seeds one SplittableRandom gamma apart give neighbouring cases
    // correlated first draws when an area seeds a SplittableRandom with them directly.
    long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB93FE85A4E53L;
    return z ^ (z >>> 33);
  }

  /** {@code -Dai-infra.conformance.case-seed=S}: replay just the case with that seed. */
  public static java.util.OptionalLong replaySeed() {
    String s = System.getProperty("ai-infra.conformance.case-seed", "");
    return s.isBlank() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(Long.parseLong(s.trim()));
  }

  public static Path outDir() {
    return Path.of(System.getProperty("ai-infra.conformance.out", "target/conformance")).toAbsolutePath();
  }
}
