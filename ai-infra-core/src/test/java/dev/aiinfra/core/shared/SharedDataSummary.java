package dev.aiinfra.core.shared;

import java.io.PrintStream;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints one line per test run for the tests skipped because {@code ../shared} is missing, in
 * place of one line per test. Registered for every module whose tests use {@link SharedData}
 * through {@code META-INF/services} in core's test jar.
 */
public final class SharedDataSummary implements TestExecutionListener {
  private final AtomicInteger skipped = new AtomicInteger();
  private final Set<String> missing = new TreeSet<>();
  private final PrintStream out;

  /** For {@code ServiceLoader}: prints to standard output, which the build shows. */
  public SharedDataSummary() {
    this(System.out);
  }

  SharedDataSummary(PrintStream out) {
    this.out = out;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    skipped.set(0);
    synchronized (missing) {
      missing.clear();
    }
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() != TestExecutionResult.Status.ABORTED) {
      return;
    }
    Optional<String> reason = result.getThrowable().map(Throwable::getMessage).filter(m -> m != null && m.contains(SharedData.MISSING));
    if (reason.isPresent()) {
      skipped.incrementAndGet();
      synchronized (missing) {
        missing.add(reason.get().substring(reason.get().indexOf(SharedData.MISSING) + SharedData.MISSING.length()));
      }
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    if (skipped.get() > 0) {
      out.println(line(skipped.get(), missing));
    }
  }

  /** The summary: how many tests, which folders, and how to run them. */
  static String line(int tests, Set<String> folders) {
    return "skipped " + tests + (tests == 1 ? " test" : " tests") + ": " + String.join(", ", folders)
        + " not found (upstream CRD schemas and conformance fixtures; set -Dai-infra.shared=DIR or put the shared folder next to the checkout,"
        + " see README \"Tests that need ../shared\")";
  }
}
