package dev.aiinfra.sandbox.policy.warmpool;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

/**
 * A discrete-event simulation of a warm pool, independent of the analytical sizing: bursts arrive
 * with exponential gaps, each holds a geometric number of claims, every claim takes a warm sandbox
 * if one is ready (else it waits) and triggers a replacement ready after the cold start.
 */
public final class WarmPoolSimulation {
  private WarmPoolSimulation() {}

  /** Share of {@code claims} claims that found no warm sandbox. */
  public static double waitShare(double claimsPerSecond, double meanBurst, double coldStartSeconds, int pool, long claims, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double burstRate = claimsPerSecond / meanBurst;
    double q = 1 - 1 / meanBurst;
    ArrayDeque<Double> starting = new ArrayDeque<>();
    double t = 0;
    long seen = 0;
    long waited = 0;
    long warmup = claims / 10;
    while (seen < claims + warmup) {
      t += -Math.log(1 - r.nextDouble()) / burstRate;
      while (!starting.isEmpty() && starting.peekFirst() <= t) {
        starting.pollFirst();
      }
      int burst = 1;
      while (q > 0 && r.nextDouble() < q) {
        burst++;
      }
      for (int i = 0; i < burst; i++) {
        boolean waits = starting.size() >= pool;
        starting.addLast(t + coldStartSeconds);
        seen++;
        if (seen > warmup && waits) {
          waited++;
        }
      }
    }
    return (double) waited / (seen - warmup);
  }
}
