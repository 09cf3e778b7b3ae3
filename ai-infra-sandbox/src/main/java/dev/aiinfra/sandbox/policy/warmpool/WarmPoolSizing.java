package dev.aiinfra.sandbox.policy.warmpool;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The smallest warm pool that keeps the probability of a claim waiting for a cold start at or
 * below a target. Claims arrive in bursts: bursts form a Poisson process and a burst holds a
 * geometric number of claims with the given mean (1 = plain Poisson arrivals). Every claim takes a
 * warm sandbox and the pool starts a replacement that is ready after the cold-start time, so the
 * replacements in flight are the claims of the last cold-start window — a compound Poisson count
 * (computed exactly with Panjer's recursion). A claim waits when, counting the claims ahead of it
 * in its own burst, all {@code N} pool slots are still starting.
 */
public final class WarmPoolSizing {
  private WarmPoolSizing() {}

  /** The answer: pool size, the wait probability it achieves, and that of one sandbox fewer. */
  public record Result(int poolSize, double waitProbability, double waitProbabilityWithOneLess, double meanClaimsInColdStart, String explanation) {}

  /**
   * @param claimsPerSecond mean claim arrival rate
   * @param meanBurst mean claims per burst (≥ 1; 1 means claims arrive one at a time)
   * @param coldStartSeconds time to make a new sandbox ready
   * @param targetWaitProbability highest acceptable share of claims that wait (0 &lt; p &lt; 1)
   */
  public static Result size(double claimsPerSecond, double meanBurst, double coldStartSeconds, double targetWaitProbability) {
    List<FieldViolation> bad = new ArrayList<>();
    if (!(claimsPerSecond >= 0) || Double.isInfinite(claimsPerSecond)) {
      bad.add(FieldViolation.invalid(FieldPath.of("claimsPerSecond"), claimsPerSecond, "must be a finite, non-negative rate"));
    }
    if (!(meanBurst >= 1) || Double.isInfinite(meanBurst)) {
      bad.add(FieldViolation.invalid(FieldPath.of("meanBurst"), meanBurst, "must be at least 1"));
    }
    if (!(coldStartSeconds >= 0) || Double.isInfinite(coldStartSeconds)) {
      bad.add(FieldViolation.invalid(FieldPath.of("coldStartSeconds"), coldStartSeconds, "must be a finite, non-negative duration"));
    }
    if (!(targetWaitProbability > 0 && targetWaitProbability < 1)) {
      bad.add(FieldViolation.invalid(FieldPath.of("targetWaitProbability"), targetWaitProbability, "must be between 0 and 1 (exclusive)"));
    }
    double mean = claimsPerSecond * coldStartSeconds;
    if (bad.isEmpty() && mean > 1_000_000) {
      bad.add(FieldViolation.invalid(FieldPath.of("claimsPerSecond"), claimsPerSecond, "rate × cold start above 1,000,000 claims is out of range"));
    }
    if (!bad.isEmpty()) {
      throw new InvalidSpecException(bad);
    }
    if (mean == 0) {
      return new Result(0, 0, Double.NaN, 0, "no claim arrives during a cold start, so no claim waits without a pool");
    }
    double[] tail = tail(mean, meanBurst);
    double q = 1 - 1 / meanBurst;
    int n = 0;
    double p = waitProbability(tail, q, meanBurst, 0);
    while (p > targetWaitProbability) {
      n++;
      p = waitProbability(tail, q, meanBurst, n);
    }
    double oneLess = n == 0 ? Double.NaN : waitProbability(tail, q, meanBurst, n - 1);
    String why = String.format(Locale.ROOT,
        "%.3g claims arrive during a %.0f s cold start (bursts of %.3g on average); with %d warm sandboxes %.4f%% of claims wait%s",
        mean, coldStartSeconds, meanBurst, n, 100 * p,
        n == 0 ? "" : String.format(Locale.ROOT, ", with %d %.4f%% (target %.4f%%)", n - 1, 100 * oneLess, 100 * targetWaitProbability));
    return new Result(n, p, oneLess, mean, why);
  }

  /** Share of claims that wait with a pool of {@code n}. */
  public static double waitProbability(double claimsPerSecond, double meanBurst, double coldStartSeconds, int n) {
    return waitProbability(tail(claimsPerSecond * coldStartSeconds, meanBurst), 1 - 1 / meanBurst, meanBurst, n);
  }

  /**
   * A claim at position k of its burst (probability q^(k−1)/b) waits when the replacements in
   * flight S plus the k−1 claims ahead of it reach n: P(S ≥ n − k + 1).
   */
  private static double waitProbability(double[] tail, double q, double b, int n) {
    double p = 0;
    double weight = 1 / b;
    for (int k = 1; k <= n + 1; k++) {
      int need = n - k + 1;
      p += weight * (need <= 0 ? 1 : need < tail.length ? tail[need] : 0);
      weight *= q;
      if (weight < 1e-18) {
        break;
      }
    }
    if (q > 0 && weight >= 1e-18) {
      // Positions beyond n + 1 always wait.
      p += weight / (1 - q);
    }
    return Math.min(1, p);
  }

  /** tail[i] = P(S ≥ i) for the compound Poisson count S of claims in one cold-start window. */
  private static double[] tail(double mean, double b) {
    double mu = mean / b;
    double q = 1 - 1 / b;
    double variance = mean * (2 * b - 1);
    int max = (int) Math.ceil(mean + 14 * Math.sqrt(variance) + 60);
    double[] g = new double[max + 1];
    double[] f = new double[max + 1];
    for (int j = 1; j <= max; j++) {
      f[j] = (1 / b) * Math.pow(q, j - 1);
    }
    // Panjer: g[n] = (mu / n) Σ j f[j] g[n−j]; g[0] = 1 here, rescaled when large and normalised at the end.
    g[0] = 1;
    for (int n = 1; n <= max; n++) {
      double s = 0;
      for (int j = 1; j <= n; j++) {
        if (f[j] == 0) {
          break;
        }
        s += j * f[j] * g[n - j];
      }
      g[n] = mu / n * s;
      if (g[n] > 1e250) {
        for (int i = 0; i <= n; i++) {
          g[i] /= 1e250;
        }
      }
    }
    double total = 0;
    for (double v : g) {
      total += v;
    }
    double[] tail = new double[max + 2];
    double acc = 0;
    for (int i = max; i >= 0; i--) {
      acc += g[i] / total;
      tail[i] = Math.min(1, acc);
    }
    return tail;
  }
}
