package dev.aiinfra.observability.model.rules;

import java.util.regex.Pattern;

/**
 * The Prometheus duration syntax ({@code 5m}, {@code 1h30m}, {@code 0}) the PrometheusRule CRD
 * checks with its own pattern on {@code for}, {@code keep_firing_for} and group {@code interval}.
 */
public final class PromDuration {
  private static final Pattern DURATION =
      Pattern.compile("^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$");

  private PromDuration() {}

  /** Whether {@code text} is a non-empty Prometheus duration. */
  public static boolean isValid(String text) {
    return !text.isEmpty() && DURATION.matcher(text).matches();
  }

  /** {@code minutes} as a duration, e.g. {@code 90} → {@code 1h30m}. */
  public static String ofMinutes(long minutes) {
    if (minutes <= 0) {
      return "0";
    }
    long h = minutes / 60;
    long m = minutes % 60;
    return (h > 0 ? h + "h" : "") + (m > 0 ? m + "m" : "");
  }
}
