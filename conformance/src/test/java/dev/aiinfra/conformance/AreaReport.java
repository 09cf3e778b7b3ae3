package dev.aiinfra.conformance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The result of one area's run: counts, cases explained by each named divergence, reproducers written. */
public record AreaReport(String area, int total, int agreed, Map<String, Integer> divergences, List<Path> reproducers) {
  public int named() {
    return divergences.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** {@code AREA: agreement x/y (named divergences z)}. */
  public String summaryLine() {
    StringBuilder s = new StringBuilder(area + ": agreement " + agreed + "/" + total + " (named divergences " + named() + ")");
    if (!divergences.isEmpty()) {
      s.append(" ").append(divergences);
    }
    if (!reproducers.isEmpty()) {
      s.append(" — ").append(reproducers.size()).append(" disagreement(s), reproducers under ").append(reproducers.get(0).getParent());
    }
    return s.toString();
  }
}
