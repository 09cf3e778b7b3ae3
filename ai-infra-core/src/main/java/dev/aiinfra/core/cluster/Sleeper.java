package dev.aiinfra.core.cluster;

import java.time.Duration;

/** Waits between retries; tests pass one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  static Sleeper real() {
    return d -> Thread.sleep(d.toMillis());
  }
}
