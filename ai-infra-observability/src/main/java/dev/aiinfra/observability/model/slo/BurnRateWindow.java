package dev.aiinfra.observability.model.slo;

import java.util.List;

/**
 * One window pair of a multi-window multi-burn-rate alert (Google SRE Workbook, "Alerting on SLOs",
 * as Sloth encodes it for a 30-day period): the alert fires when the error ratio over both the long
 * and the short window exceeds {@code factor × (1 − objective)}. The short window, 1/12 of the long
 * one, makes the alert stop soon after the burn stops.
 *
 * @param severity {@code page} or {@code ticket}
 * @param longWindow Prometheus duration of the long window
 * @param shortWindow Prometheus duration of the short window
 * @param factor the burn rate: the budget share spent × period ÷ long window
 * @param budgetSpent the share of a 30-day error budget spent when the alert fires
 */
public record BurnRateWindow(String severity, String longWindow, String shortWindow, double factor, double budgetSpent) {
  /** The SRE Workbook's four pairs for a 30-day SLO period: two that page, two that open a ticket. */
  public static final List<BurnRateWindow> SRE_WORKBOOK_30D = List.of(
      new BurnRateWindow("page", "1h", "5m", 14.4, 0.02),
      new BurnRateWindow("page", "6h", "30m", 6, 0.05),
      new BurnRateWindow("ticket", "1d", "2h", 3, 0.10),
      new BurnRateWindow("ticket", "3d", "6h", 1, 0.10));

  /** Every window the pairs read, shortest first, each once: 5m, 30m, 1h, 2h, 6h, 1d, 3d. */
  public static List<String> windows(List<BurnRateWindow> pairs) {
    return pairs.stream().flatMap(p -> java.util.stream.Stream.of(p.shortWindow(), p.longWindow())).distinct()
        .sorted(java.util.Comparator.comparingLong(BurnRateWindow::seconds)).toList();
  }

  /** A simple Prometheus duration ({@code 5m}, {@code 1h}, {@code 3d}) in seconds. */
  public static long seconds(String duration) {
    long n = Long.parseLong(duration.substring(0, duration.length() - 1));
    switch (duration.charAt(duration.length() - 1)) {
      case 's':
        return n;
      case 'm':
        return n * 60;
      case 'h':
        return n * 3600;
      case 'd':
        return n * 86400;
      case 'w':
        return n * 7 * 86400;
      default:
        throw new IllegalArgumentException("not a simple Prometheus duration: " + duration);
    }
  }
}
