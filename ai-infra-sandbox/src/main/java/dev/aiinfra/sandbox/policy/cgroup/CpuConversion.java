package dev.aiinfra.sandbox.policy.cgroup;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code cgroup convert} answers: the CPU shares (given as cgroup v1 shares, or from a CPU
 * request as the kubelet computes them) and their cgroup v2 {@code cpu.weight} under a runtime's
 * {@link WeightFormula}; for a CPU limit, the CFS quota and {@code cpu.max} ("quota period").
 * Fields that do not apply to the question are empty.
 */
public record CpuConversion(OptionalLong shares, OptionalLong weight, OptionalLong quota, Optional<String> cpuMax) {
  /**
   * @param shares cgroup v1 shares, if given (takes the place of {@code requestMilliCpu})
   * @param requestMilliCpu a CPU request in millicores, if given
   * @param limitMilliCpu a CPU limit in millicores, if given
   * @param periodMicros the CFS period
   */
  public static CpuConversion of(OptionalLong shares, OptionalLong requestMilliCpu, OptionalLong limitMilliCpu, long periodMicros,
      WeightFormula formula) {
    OptionalLong s = shares.isPresent() ? shares
        : requestMilliCpu.isPresent() ? OptionalLong.of(CpuConversions.sharesFromMilliCpu(requestMilliCpu.getAsLong())) : OptionalLong.empty();
    OptionalLong weight = s.isPresent() ? OptionalLong.of(formula.weight(s.getAsLong())) : OptionalLong.empty();
    if (limitMilliCpu.isEmpty()) {
      return new CpuConversion(s, weight, OptionalLong.empty(), Optional.empty());
    }
    long quota = CpuConversions.quotaFromMilliCpu(limitMilliCpu.getAsLong(), periodMicros);
    return new CpuConversion(s, weight, OptionalLong.of(quota), Optional.of(CpuConversions.cpuMax(quota, periodMicros)));
  }
}
