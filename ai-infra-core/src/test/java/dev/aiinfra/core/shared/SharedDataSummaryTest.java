package dev.aiinfra.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Issue 15 #9: tests skipped for missing {@code ../shared} are summed up in one line per run, not one per test. */
class SharedDataSummaryTest {
  /** Tests that need shared data which is not there, and one that does not; run only by the tests below. */
  static class Probe {
    @Test
    void needs_crds() {
      SharedData.require("no-such-folder/crds");
    }

    @Test
    void needs_fixtures() {
      SharedData.require("no-such-folder/fixtures");
    }

    @Test
    void needs_nothing() {}
  }

  /** Runs {@code tests} with only the summary listening, and returns what it printed. */
  private static String run(Class<?> tests) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    SharedDataSummary summary = new SharedDataSummary(new PrintStream(printed, true, StandardCharsets.UTF_8));
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(tests)).build(), summary);
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void every_skip_for_missing_shared_data_is_counted_in_one_line() {
    String printed = run(Probe.class);

    assertThat(printed.lines()).hasSize(1);
    assertThat(printed).startsWith("skipped 2 tests: ").contains("no-such-folder/crds", "no-such-folder/fixtures", "-Dai-infra.shared=DIR");
  }

  @Test
  void nothing_is_printed_when_no_test_was_skipped() {
    assertThat(run(NeedsNothing.class)).isEmpty();
  }

  /** A run without shared-data tests. */
  static class NeedsNothing {
    @Test
    void passes() {}
  }
}
