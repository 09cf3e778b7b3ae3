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
 *
 * <p>A step that first reaches new code loads (and, while fuzzing, instruments) its classes,
 * which can take seconds on a busy machine. So a step over the limit is allowed to finish (up to
 * a minute) and is then timed once more, warm: only an input that is slow twice is a finding.
 */
final class Bounded {
  static final Duration LIMIT = Duration.ofSeconds(Long.getLong("ai-infra.fuzz.limit-seconds", 5));
  private static final Duration COLD_START = Duration.ofMinutes(1);

  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fuzz-step");
    t.setDaemon(true); // a step that never ends must not keep the test JVM alive
    return t;
  });

  private Bounded() {}

  /** A step that ran past {@link #LIMIT} twice, or never ended: always a finding. */
  static final class StepTimeout extends AssertionError {
    private static final long serialVersionUID = 1L;

    StepTimeout(String message) {
      super(message);
    }
  }

  /** The step's result; a Throwable it throws is rethrown as is (the fuzz target decides). */
  static <T> T call(String step, Callable<T> body) throws Exception {
    Future<T> first = WORKERS.submit(body);
    try {
      return get(first);
    } catch (TimeoutException cold) {
      try {
        first.get(COLD_START.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        first.cancel(true);
        throw new StepTimeout(step + " did not finish within " + (LIMIT.toSeconds() + COLD_START.toSeconds()) + " s");
      } catch (ExecutionException e) {
        // timed again below, where its Throwable is rethrown
      }
      Future<T> warm = WORKERS.submit(body);
      try {
        return get(warm);
      } catch (TimeoutException e) {
        warm.cancel(true);
        throw new StepTimeout(step + " took longer than " + LIMIT.toSeconds() + " s, twice");
      }
    }
  }

  private static <T> T get(Future<T> f) throws Exception {
    try {
      return f.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
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
