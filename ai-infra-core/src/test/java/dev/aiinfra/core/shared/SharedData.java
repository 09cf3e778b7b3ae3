package dev.aiinfra.core.shared;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aiinfra.core.render.schema.CrdSchemas;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The upstream data in {@code ../shared} (CRD schemas, conformance fixtures). Tests that need it are
 * skipped, with the reason printed, when it is not there.
 */
public final class SharedData {
  private static CrdSchemas crds;

  private SharedData() {}

  public static Path root() {
    String configured = System.getProperty("ai-infra.shared");
    return configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
  }

  /** {@code ../shared/<sub>}, or skips the calling test. */
  public static Path require(String sub) {
    Path p = root().resolve(sub).normalize();
    boolean present = Files.isDirectory(p);
    if (!present) {
      System.out.println("skipping: " + p + " is not present (upstream data for conformance tests)");
    }
    assumeTrue(present, "skipped: " + p + " is not present");
    return p;
  }

  public static synchronized CrdSchemas crds() {
    if (crds == null) {
      crds = CrdSchemas.load(require("crds"));
    }
    return crds;
  }
}
