package dev.aiinfra.core.model.quantity;

import dev.aiinfra.core.model.InvalidSpecException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A Kubernetes {@code resource.Quantity}: an exact decimal with the suffix family it was written
 * in. {@link #parse} reads text exactly as the API server does (apimachinery's {@code
 * ParseQuantity} after {@code UnmarshalJSON}'s trimming): {@code 1E} is one exa, {@code 9Ei} is
 * capped at 2^63−1, values finer than 1n are rounded up to 1n, and decimal values past 2^63−1
 * ({@code 100E}) are kept, as the API server stores them. Two quantities are equal when their
 * values are equal: {@code 1Gi}, {@code 1024Mi} and {@code 1073741824} are one value. {@link
 * #toString()} gives the API server's canonical text.
 *
 * <p>The kubelet and kube-scheduler count quantities as Go {@code int64}s ({@code Value()}, {@code
 * MilliValue()}), which wrap around past 2^63−1; {@link #hasLongValue()} and {@link
 * #hasMilliValue()} say whether a value fits, so that readers can refuse what would wrap.
 */
public final class Quantity implements Comparable<Quantity> {
  private static final int NANO_SCALE = 9;
  private static final BigInteger KI = BigInteger.valueOf(1024);
  private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

  public static final Quantity ZERO = new Quantity(BigDecimal.ZERO, QuantityFormat.DECIMAL_SI);

  private final BigDecimal value;
  private final QuantityFormat format;

  private Quantity(BigDecimal value, QuantityFormat format) {
    // The API server keeps nano precision and rounds anything finer up (away from zero).
    BigDecimal rounded = value.scale() > NANO_SCALE ? value.setScale(NANO_SCALE, RoundingMode.UP) : value;
    this.value = rounded.stripTrailingZeros();
    this.format = format;
  }

  /**
   * Parses API text such as {@code 250m}, {@code 1.5Gi}, {@code 8}, {@code 1e3}, {@code 1E}, as the
   * API server decodes it; throws {@link dev.aiinfra.core.model.InvalidSpecException} with the API
   * server's error ({@code quantities must match the regular expression ...}, {@code unable to
   * parse quantity's suffix}) or, past ai-infra's limits (1000 digits, magnitude 1e1000), with
   * those limits.
   */
  public static Quantity parse(String text) {
    Objects.requireNonNull(text, "text");
    return QuantityParser.parse(text);
  }

  /** Whether {@link #parse} would accept the text. */
  public static boolean isValid(String text) {
    if (text == null) {
      return false;
    }
    try {
      QuantityParser.parse(text);
      return true;
    } catch (InvalidSpecException e) {
      return false;
    }
  }

  public static Quantity of(long whole) {
    return new Quantity(BigDecimal.valueOf(whole), QuantityFormat.DECIMAL_SI);
  }

  public static Quantity ofMillis(long millis) {
    return new Quantity(BigDecimal.valueOf(millis, 3), QuantityFormat.DECIMAL_SI);
  }

  /** Bytes in binary-SI notation, e.g. {@code ofBytes(1L << 30)} prints {@code 1Gi}. */
  public static Quantity ofBytes(long bytes) {
    return new Quantity(BigDecimal.valueOf(bytes), QuantityFormat.BINARY_SI);
  }

  public static Quantity of(BigDecimal value, QuantityFormat format) {
    return new Quantity(value, format);
  }

  /** The exact value. */
  public BigDecimal value() {
    return value;
  }

  public QuantityFormat format() {
    return format;
  }

  /**
   * The value rounded up to a whole number, like Go's {@code Quantity.Value()}; throws {@link
   * ArithmeticException} where Go would wrap around (check {@link #hasLongValue()} first).
   */
  public long longValue() {
    return value.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /**
   * Thousandths rounded up, like Go's {@code MilliValue()}: {@code 250m} is 250, {@code 1} is 1000;
   * throws {@link ArithmeticException} where Go would wrap around (check {@link #hasMilliValue()}).
   */
  public long milliValue() {
    return value.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** Whether {@link #longValue()} fits a 64-bit integer (Go's {@code Value()} would not wrap). */
  public boolean hasLongValue() {
    return fitsLong(value.setScale(0, RoundingMode.CEILING));
  }

  /** Whether {@link #milliValue()} fits a 64-bit integer (Go's {@code MilliValue()} would not wrap). */
  public boolean hasMilliValue() {
    return fitsLong(value.movePointRight(3).setScale(0, RoundingMode.CEILING));
  }

  private static boolean fitsLong(BigDecimal whole) {
    return whole.compareTo(LONG_MAX) <= 0 && whole.compareTo(LONG_MIN) >= 0;
  }

  public boolean isInteger() {
    return value.signum() == 0 || value.scale() <= 0;
  }

  public int signum() {
    return value.signum();
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  public Quantity plus(Quantity other) {
    return new Quantity(value.add(other.value), format);
  }

  public Quantity minus(Quantity other) {
    return new Quantity(value.subtract(other.value), format);
  }

  public Quantity times(long factor) {
    return new Quantity(value.multiply(BigDecimal.valueOf(factor)), format);
  }

  public Quantity max(Quantity other) {
    return compareTo(other) >= 0 ? this : other;
  }

  public Quantity min(Quantity other) {
    return compareTo(other) <= 0 ? this : other;
  }

  @Override
  public int compareTo(Quantity other) {
    return value.compareTo(other.value);
  }

  /** Equal by value, whatever the suffix: {@code 1Gi} equals {@code 1024Mi}. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Quantity q && q.value.compareTo(value) == 0;
  }

  @Override
  public int hashCode() {
    return value.stripTrailingZeros().hashCode();
  }

  /** The API server's canonical text: {@code 1024Mi} prints {@code 1Gi}, {@code 1000m} prints {@code 1}. */
  @Override
  public String toString() {
    if (value.signum() == 0) {
      return "0";
    }
    QuantityFormat effective = format;
    if (effective == QuantityFormat.BINARY_SI
        && (value.abs().compareTo(BigDecimal.valueOf(1024)) < 0 || !isInteger())) {
      effective = QuantityFormat.DECIMAL_SI;
    }
    if (effective == QuantityFormat.BINARY_SI) {
      BigInteger mantissa = value.toBigIntegerExact();
      int power = 0;
      while (power < BINARY.length - 1 && mantissa.mod(KI).signum() == 0) {
        mantissa = mantissa.divide(KI);
        power++;
      }
      return mantissa + BINARY[power];
    }
    // mantissa * 10^exponent with an integer mantissa and exponent a multiple of three
    BigDecimal stripped = value.stripTrailingZeros();
    BigInteger mantissa = stripped.unscaledValue();
    int exponent = -stripped.scale();
    int rem = Math.floorMod(exponent, 3);
    if (rem != 0) {
      mantissa = mantissa.multiply(BigInteger.TEN.pow(rem));
      exponent -= rem;
    }
    if (effective == QuantityFormat.DECIMAL_EXPONENT) {
      return exponent == 0 ? mantissa.toString() : mantissa + "e" + exponent;
    }
    if (exponent > 18) {
      mantissa = mantissa.multiply(BigInteger.TEN.pow(exponent - 18));
      exponent = 18;
    }
    return mantissa + decimalSuffix(exponent);
  }

  private static String decimalSuffix(int exponent) {
    switch (exponent) {
      case -9: return "n";
      case -6: return "u";
      case -3: return "m";
      case 0: return "";
      case 3: return "k";
      case 6: return "M";
      case 9: return "G";
      case 12: return "T";
      case 15: return "P";
      case 18: return "E";
      default: throw new IllegalStateException("exponent " + exponent);
    }
  }
}
