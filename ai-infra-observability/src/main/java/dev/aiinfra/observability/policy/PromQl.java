package dev.aiinfra.observability.policy;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Small pieces of PromQL text the rule policies share: quoting, alternations, numbers. */
final class PromQl {
  private PromQl() {}

  /** {@code "value"}, escaped. */
  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** A regex matching exactly one of {@code values} ({@code a|b}), for {@code =~}. */
  static String anyOf(List<String> values) {
    return values.stream().sorted().distinct().map(PromQl::regexLiteral).collect(Collectors.joining("|"));
  }

  static String regexLiteral(String value) {
    StringBuilder b = new StringBuilder();
    for (char c : value.toCharArray()) {
      b.append("\\.[]{}()*+?^$|".indexOf(c) >= 0 ? "\\\\" + c : String.valueOf(c));
    }
    return b.toString();
  }

  /** A number without a trailing {@code .0}: {@code 0.05}, {@code 85}. */
  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%s", v);
  }
}
