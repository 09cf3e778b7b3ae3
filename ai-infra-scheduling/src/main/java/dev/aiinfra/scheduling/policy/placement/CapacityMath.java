package dev.aiinfra.scheduling.policy.placement;

import java.math.BigInteger;

/**
 * Arithmetic on capacity counts (millicores, bytes, devices) that never wraps around. Readers refuse
 * a single quantity past 2^63−1, but sums of many (a node's bound pods, a topology domain's nodes)
 * can still pass it: they saturate at the int64 bounds, which keeps every fit answer right because
 * no single allocatable or request exceeds {@link Long#MAX_VALUE}. Shares are computed exactly.
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
