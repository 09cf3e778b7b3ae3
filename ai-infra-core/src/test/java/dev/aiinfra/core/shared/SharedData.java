package dev.aiinfra.core.shared;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aiinfra.core.read.schema.CrdSchemas;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The upstream data in {@code ../shared} (CRD schemas in {@code crds/}, the Pod Security fixtures in
 * {@code conformance/pss/}), found at {@code -Dai-infra.shared=DIR} (the build sets it to the
 * folder next to the checkout). A test that needs it and does not find it is skipped; {@link
 * SharedDataSummary} then prints one line per test run instead of one per test.
 */
public final class SharedData {
  /** Starts the reason of every skip for missing shared data, so that the summary can count them. */
  static final String MISSING = "ai-infra shared data not found: ";

  private static CrdSchemas crds;

  private SharedData() {}

  public static Path root() {
    String configured = System.getProperty("ai-infra.shared");
    return configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
  }

  /** {@code ../shared/<sub>}, or skips the calling test. */
  public static Path require(String sub) {
    Path p = root().resolve(sub).normalize();
    assumeTrue(Files.isDirectory(p), MISSING + p);
    return p;
  }

  public static synchronized CrdSchemas crds() {
    if (crds == null) {
      crds = CrdSchemas.load(require("crds"));
    }
    return crds;
  }
}
