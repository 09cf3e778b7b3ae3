package dev.aiinfra.conformance.apply;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Counts the cases of one {@code *ApiServerTest} class that ran and passed, for its summary line. */
final class ApiServerCaseTally implements TestWatcher {
  private final AtomicInteger passed = new AtomicInteger();
  private final AtomicInteger ran = new AtomicInteger();

  @Override
  public void testSuccessful(ExtensionContext context) {
    passed.incrementAndGet();
    ran.incrementAndGet();
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    ran.incrementAndGet();
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    ran.incrementAndGet();
  }

  int passed() {
    return passed.get();
  }

  int ran() {
    return ran.get();
  }
}
