package dev.aiinfra.scheduling.policy.placement;

import java.math.BigInteger;

/**
 * Arithmetic on capacity counts (millicores, bytes, devices) and pod counts that never wraps
 * around, where kube-scheduler's and Kueue's int64 and int32 sums would. Readers refuse a single
 * quantity past 2^63−1, but sums can still pass it: a node's bound pods saturate at the int64
 * bounds, which keeps the node's fit answers right because its allocatable is at most {@link
 * Long#MAX_VALUE}; a topology domain whose nodes add up past it is counted exactly ({@link
 * NodeTable#fitCount(java.math.BigInteger[], long[])}); scores saturate; shares are exact.
 */
final class CapacityMath {
  private CapacityMath() {}

  static long add(long a, long b) {
    long r = a + b;
    // Overflow iff both operands have the sign opposite to the result.
    if (((a ^ r) & (b ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  static long subtract(long a, long b) {
    long r = a - b;
    if (((a ^ b) & (a ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  static long multiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
      return low;
    }
    return (a < 0) == (b < 0) ? Long.MAX_VALUE : Long.MIN_VALUE;
  }

  /** A sum of pod counts (never negative), held at {@link Integer#MAX_VALUE}. */
  static int addCounts(int a, int b) {
    long r = (long) a + b;
    return r > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) r;
  }

  /** {@code floor(part × scale / whole)} without overflow, for {@code 0 ≤ part} and {@code whole > 0}. */
  static long share(long part, long scale, long whole) {
    long high = Math.multiplyHigh(part, scale);
    long low = part * scale;
    if (high == 0 && low >= 0) {
      return low / whole;
    }
    return BigInteger.valueOf(part).multiply(BigInteger.valueOf(scale)).divide(BigInteger.valueOf(whole)).longValue();
  }
}
