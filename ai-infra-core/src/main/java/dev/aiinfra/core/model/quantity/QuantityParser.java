package dev.aiinfra.core.model.quantity;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * apimachinery's {@code resource.ParseQuantity} (v0.36), step by step: the same scanner
 * ({@code parseQuantityString}), the same suffix table and exponent parsing, the same errors. The
 * scanner is more lenient than the regular expression its error quotes: a sign alone ({@code +}),
 * a dot alone or a bare suffix ({@code Gi}) are zero, and {@code 1.G} is one billion.
 *
 * <p>The value is exact, then treated like the API server treats it: a non-zero value finer than
 * 1n is rounded up (away from zero) to nano precision, a binary-SI value beyond 2^63−1 in magnitude
 * is capped there, and an exponent is cut to 32 bits as Go's {@code int32(parsed)} does
 * ({@code 1e4294967296} is 1). Decimal values are not capped: the API server stores {@code 100E}.
 *
 * <p>Two limits are ai-infra's own, so that no text can cost more than linear time: at most
 * {@value #MAX_DIGITS} digits, and a magnitude of at most 1e{@value #MAX_EXPONENT}. The API server
 * accepts more (and never finishes on exponents near 2^31), but nothing can use such values: the
 * kubelet and kube-scheduler count quantities as 64-bit integers.
 */
final class QuantityParser {
  /** Go's {@code ErrFormatWrong}, quoting the expression apimachinery names. */
  static final String FORMAT_WRONG =
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  /** Go's {@code ErrSuffix}. */
  static final String SUFFIX = "unable to parse quantity's suffix";
  static final int MAX_DIGITS = 1000;
  static final int MAX_EXPONENT = 1000;
  static final String TOO_LONG = "ai-infra reads quantities of at most " + MAX_DIGITS + " digits";
  static final String TOO_LARGE = "ai-infra reads quantities up to 1e" + MAX_EXPONENT
      + " in magnitude (the kubelet and kube-scheduler count at most 2^63-1)";
  private static final String SUFFIX_CHARS = "eEinumkKMGTP";
  private static final BigDecimal MAX_BINARY = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal MAX_MAGNITUDE = BigDecimal.ONE.scaleByPowerOfTen(MAX_EXPONENT);
  private static final BigDecimal NANO = BigDecimal.ONE.scaleByPowerOfTen(-9);

  private QuantityParser() {}

  /** The scanned parts of a quantity: sign, digits before and after the dot, suffix. */
  private record Parts(boolean negative, String whole, String fraction, String suffix) {}

  static Quantity parse(String original) {
    String text = GoSpace.trim(original);
    if (text.isEmpty()) {
      throw invalid(original, FORMAT_WRONG);
    }
    Parts parts = scan(text, original);
    Suffix suffix = Suffix.of(parts.suffix()).orElseThrow(() -> invalid(original, SUFFIX));
    String digits = parts.whole() + parts.fraction();
    if (digits.length() > MAX_DIGITS) {
      throw invalid(original, TOO_LONG);
    }
    int firstNonZero = firstNonZero(digits);
    if (firstNonZero < 0) {
      return Quantity.of(BigDecimal.ZERO, suffix.format());
    }
    boolean binary = suffix.binaryExponent() > 0;
    // The value is below 10^(order + 1), order being the power of ten of its first non-zero digit
    // (for binary suffixes an upper estimate).
    long order = (long) parts.whole().length() - 1 - firstNonZero + suffix.decimalExponent();
    if (order > MAX_EXPONENT && !binary) {
      throw invalid(original, TOO_LARGE);
    }
    if (order < -10) {
      // Below 1e-10 only the rounding to nano precision is left: the API server's RoundUp gives 1n.
      return Quantity.of(parts.negative() ? NANO.negate() : NANO, decimalBelowOne(suffix.format()));
    }
    BigDecimal magnitude = new BigDecimal(new BigInteger(digits), parts.fraction().length());
    magnitude = binary
        ? magnitude.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(suffix.binaryExponent())))
        : magnitude.scaleByPowerOfTen(suffix.decimalExponent());
    if (!binary && magnitude.compareTo(MAX_MAGNITUDE) > 0) {
      throw invalid(original, TOO_LARGE);
    }
    QuantityFormat format = suffix.format();
    if (binary && magnitude.compareTo(MAX_BINARY) > 0) {
      // The API server's "simple cap" (quantity.go: maxAllowed), for binary suffixes only.
      magnitude = MAX_BINARY;
    }
    if (format == QuantityFormat.BINARY_SI && magnitude.compareTo(BigDecimal.ONE) < 0) {
      format = QuantityFormat.DECIMAL_SI;
    }
    return Quantity.of(parts.negative() ? magnitude.negate() : magnitude, format);
  }

  /** Go's {@code parseQuantityString}: leading zeros dropped, an empty number part is zero. */
  private static Parts scan(String s, String original) {
    int end = s.length();
    int pos = 0;
    boolean negative = false;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      negative = s.charAt(0) == '-';
      pos++;
    }
    while (pos < end && s.charAt(pos) == '0') {
      pos++;
    }
    if (pos == end) {
      return new Parts(negative, "", "", "");
    }
    int start = pos;
    while (pos < end && isDigit(s.charAt(pos))) {
      pos++;
    }
    String whole = s.substring(start, pos);
    String fraction = "";
    if (pos < end && s.charAt(pos) == '.') {
      start = ++pos;
      while (pos < end && isDigit(s.charAt(pos))) {
        pos++;
      }
      fraction = s.substring(start, pos);
    }
    int suffixStart = pos;
    while (pos < end && SUFFIX_CHARS.indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    if (pos < end && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
      pos++;
    }
    while (pos < end && isDigit(s.charAt(pos))) {
      pos++;
    }
    if (pos < end) {
      throw invalid(original, FORMAT_WRONG);
    }
    return new Parts(negative, whole, fraction, s.substring(suffixStart));
  }

  private static QuantityFormat decimalBelowOne(QuantityFormat format) {
    return format == QuantityFormat.BINARY_SI ? QuantityFormat.DECIMAL_SI : format;
  }

  private static int firstNonZero(String digits) {
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) != '0') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static InvalidSpecException invalid(String text, String rule) {
    return new InvalidSpecException(List.of(FieldViolation.invalid(FieldPath.root(), shown(text), rule)));
  }

  /** The text as an error shows it: a hostile megabyte-long quantity is cut, not echoed whole. */
  static String shown(String text) {
    return text.length() <= 100 ? text : text.substring(0, 40) + "… (" + text.length() + " characters)";
  }

  /** A suffix as {@code quantitySuffixer.interpret} reads it. */
  private record Suffix(QuantityFormat format, int decimalExponent, int binaryExponent) {
    static java.util.Optional<Suffix> of(String s) {
      switch (s) {
        case "": return decimal(0);
        case "n": return decimal(-9);
        case "u": return decimal(-6);
        case "m": return decimal(-3);
        case "k": return decimal(3);
        case "M": return decimal(6);
        case "G": return decimal(9);
        case "T": return decimal(12);
        case "P": return decimal(15);
        case "E": return decimal(18);
        case "Ki": return binary(10);
        case "Mi": return binary(20);
        case "Gi": return binary(30);
        case "Ti": return binary(40);
        case "Pi": return binary(50);
        case "Ei": return binary(60);
        default: return exponent(s);
      }
    }

    private static java.util.Optional<Suffix> decimal(int exponent) {
      return java.util.Optional.of(new Suffix(QuantityFormat.DECIMAL_SI, exponent, 0));
    }

    private static java.util.Optional<Suffix> binary(int exponent) {
      // 2^exponent is about 10^(0.301 × exponent): the order check needs a decimal estimate.
      return java.util.Optional.of(new Suffix(QuantityFormat.BINARY_SI, (int) Math.ceil(exponent * 0.30103), exponent));
    }

    /** {@code e<int64>} or {@code E<int64>}, kept to 32 bits as Go's {@code int32(parsed)} does. */
    private static java.util.Optional<Suffix> exponent(String s) {
      if (s.length() < 2 || (s.charAt(0) != 'e' && s.charAt(0) != 'E')) {
        return java.util.Optional.empty();
      }
      long parsed;
      try {
        parsed = Long.parseLong(s.substring(1));
      } catch (NumberFormatException e) {
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(new Suffix(QuantityFormat.DECIMAL_EXPONENT, (int) parsed, 0));
    }
  }
}
