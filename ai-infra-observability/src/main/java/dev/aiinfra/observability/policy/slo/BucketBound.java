package dev.aiinfra.observability.policy.slo;

import java.math.BigDecimal;

/**
 * The text of a histogram's {@code le} label for a bound, as the Python prometheus_client that vLLM
 * and SGLang use writes it (and as Prometheus 3 normalises classic-histogram bounds): a float that
 * always has a fraction, {@code 1} → {@code "1.0"}, {@code 0.25} → {@code "0.25"}.
 */
final class BucketBound {
  private BucketBound() {}

  static String le(double seconds) {
    String plain = BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }
}
