package dev.aiinfra.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * One area's differential test: every generated case agrees with upstream or is explained by a
 * named divergence. Skipped, with the reason printed, when the oracle cannot be built (no Go).
 */
public abstract class AreaConformanceTest {
  protected abstract Area area();

  @Test
  void agrees_with_upstream_outside_named_divergences() {
    Optional<UpstreamOracle> oracle = UpstreamOracle.get();
    if (oracle.isEmpty()) {
      System.out.println(area().name() + ": skipped — " + UpstreamOracle.whyUnavailable());
    }
    Assumptions.assumeTrue(oracle.isPresent(), () -> "skipped: " + UpstreamOracle.whyUnavailable());
    AreaReport report = DifferentialRun.run(area(), oracle.get(), Conformance.seed(), Conformance.cases());
    System.out.println(report.summaryLine());
    try {
      Files.createDirectories(Conformance.outDir());
      Files.writeString(Conformance.outDir().resolve("summary.txt"), report.summaryLine() + System.lineSeparator(),
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(report.reproducers())
        .as("%s disagreements with upstream (reproducers written under target/conformance/%s)", area().name(), area().name())
        .isEmpty();
  }
}
