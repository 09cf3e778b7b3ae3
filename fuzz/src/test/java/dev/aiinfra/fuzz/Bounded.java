package dev.aiinfra.fuzz;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one step of a fuzz target with a time limit, so that a slow or endless input becomes a
 * finding that names the step instead of a hung fuzzer. The limit is a hang guard (default 5 s,
 * {@code -Dai-infra.fuzz.limit-seconds=N}), far above what any input up to the read limits needs.
 */
final class Bounded {
  static final Duration LIMIT = Duration.ofSeconds(Long.getLong("ai-infra.fuzz.limit-seconds", 5));

  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fuzz-step");
    t.setDaemon(true); // a step that never ends must not keep the test JVM alive
    return t;
  });

  private Bounded() {}

  /** A step that ran past {@link #LIMIT}: always a finding. */
  static final class StepTimeout extends AssertionError {
    private static final long serialVersionUID = 1L;

    StepTimeout(String message) {
      super(message);
    }
  }

  /** The step's result; a Throwable it throws is rethrown as is (the fuzz target decides). */
  static <T> T call(String step, Callable<T> body) throws Exception {
    return call(step, body, LIMIT);
  }

  static <T> T call(String step, Callable<T> body, Duration limit) throws Exception {
    Future<T> f = WORKERS.submit(body);
    try {
      return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new StepTimeout(step + " did not finish within " + limit.toSeconds() + " s");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
