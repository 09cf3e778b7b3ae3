package dev.aiinfra.sandbox.policy.cgroup;

/**
 * The kubelet's CPU arithmetic ({@code pkg/kubelet/cm/helpers_linux.go}) and the runtimes'
 * shares-to-weight mappings, exactly: integer division truncates as in Go, and the quadratic
 * mapping computes {@code log2} exactly for powers of two so that 1024 shares give weight 100.
 */
public final class CpuConversions {
  public static final long MIN_SHARES = 2;
  public static final long MAX_SHARES = 262_144;
  public static final long SHARES_PER_CPU = 1024;
  public static final long MILLI_CPU_TO_CPU = 1000;
  /** Default CFS period, microseconds. */
  public static final long QUOTA_PERIOD = 100_000;
  /** Smallest CFS quota the kubelet writes, microseconds. */
  public static final long MIN_QUOTA_PERIOD = 1000;
  public static final long MAX_WEIGHT = 10_000;

  private CpuConversions() {}

  /** {@code MilliCPUToShares}: 0 → 2, else {@code milli × 1024 / 1000} clamped to [2, 262144]. */
  public static long sharesFromMilliCpu(long milliCpu) {
    if (milliCpu == 0) {
      return MIN_SHARES;
    }
    long shares = milliCpu * SHARES_PER_CPU / MILLI_CPU_TO_CPU;
    return Math.max(MIN_SHARES, Math.min(MAX_SHARES, shares));
  }

  /** {@code MilliCPUToQuota}: 0 → 0 (no limit), else {@code milli × period / 1000}, at least 1000 µs. */
  public static long quotaFromMilliCpu(long milliCpu, long periodMicros) {
    if (milliCpu == 0) {
      return 0;
    }
    return Math.max(MIN_QUOTA_PERIOD, milliCpu * periodMicros / MILLI_CPU_TO_CPU);
  }

  /** {@code cpu.max} as the runtime writes it: {@code "<quota> <period>"}, or {@code "max <period>"} without a quota. */
  public static String cpuMax(long quotaMicros, long periodMicros) {
    return (quotaMicros <= 0 ? "max" : Long.toString(quotaMicros)) + " " + periodMicros;
  }

  /** Linear mapping (kubelet, runc ≤ 1.3.1, crun &lt; 1.23): {@code 1 + (s − 2) × 9999 / 262142}; 0 → 0; ≥ 262144 → 10000. */
  public static long linearWeight(long shares) {
    if (shares == 0) {
      return 0;
    }
    if (shares >= MAX_SHARES) {
      return MAX_WEIGHT;
    }
    return 1 + ((shares - 2) * 9999) / 262_142;
  }

  /**
   * Quadratic mapping (runc ≥ 1.3.2, crun ≥ 1.23): {@code ceil(10^((l² + 125 l)/612 − 7/34))} with
   * {@code l = log2(s)}; 0 → 0, ≤ 2 → 1, ≥ 262144 → 10000.
   */
  public static long quadraticWeight(long shares) {
    if (shares == 0) {
      return 0;
    }
    if (shares <= 2) {
      return 1;
    }
    if (shares >= MAX_SHARES) {
      return MAX_WEIGHT;
    }
    double l = Long.bitCount(shares) == 1 ? 63 - Long.numberOfLeadingZeros(shares) : Math.log(shares) / Math.log(2);
    double exponent = (l * l + 125 * l) / 612.0 - 7.0 / 34.0;
    return (long) Math.ceil(Math.pow(10, exponent));
  }
}
