package dev.aiinfra.core.read.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Map keys as {@code sigs.k8s.io/yaml} turns them into JSON object keys before the API server
 * sees them: strings stay as they are; integers and booleans become their text ({@code 8080: x}
 * is the key {@code "8080"}); floats become Go's {@code strconv.FormatFloat(f, 'g', -1, 32)}
 * ({@code 1.5}, {@code 1e+06}, {@code .inf}). A null key has no JSON form and is refused, as
 * kubectl refuses it; so are lists and maps, which the caller sees before they get here.
 */
final class YamlKeys {
  private YamlKeys() {}

  /** The JSON key of a scalar, or empty when it has none (null, binary). */
  static Optional<String> text(JsonNode key) {
    if (key.isTextual()) {
      return Optional.of(key.textValue());
    }
    if (key.isBoolean()) {
      return Optional.of(key.booleanValue() ? "true" : "false");
    }
    if (key.isIntegralNumber()) {
      return Optional.of(key.bigIntegerValue().toString());
    }
    if (key.isNumber()) {
      return Optional.of(goFloat32(key.doubleValue()));
    }
    return Optional.empty();
  }

  /** What a YAML value is called in messages. */
  static String kind(JsonNode node) {
    if (node.isNull()) {
      return "null";
    }
    if (node.isObject()) {
      return "a map";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isBinary()) {
      return "binary data";
    }
    return node.isNumber() ? "a number" : node.isBoolean() ? "a boolean" : "a string";
  }

  /** Go's {@code strconv.FormatFloat(d, 'g', -1, 32)}, with YAML's names for infinity and NaN. */
  static String goFloat32(double d) {
    float f = (float) d;
    if (Float.isNaN(f)) {
      return ".nan";
    }
    if (Float.isInfinite(f)) {
      return f > 0 ? ".inf" : "-.inf";
    }
    if (f == 0) {
      return 1 / f < 0 ? "-0" : "0";
    }
    BigDecimal shortest = new BigDecimal(Float.toString(Math.abs(f))).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int nd = digits.length();
    int dp = nd - shortest.scale(); // where the decimal point falls relative to the digits
    int exp = dp - 1;
    StringBuilder out = new StringBuilder(f < 0 ? "-" : "");
    if (exp < -4 || exp >= 6) {
      out.append(digits.charAt(0));
      if (nd > 1) {
        out.append('.').append(digits, 1, nd);
      }
      out.append('e').append(exp < 0 ? '-' : '+');
      if (Math.abs(exp) < 10) {
        out.append('0');
      }
      return out.append(Math.abs(exp)).toString();
    }
    if (dp <= 0) {
      return out.append("0.").append("0".repeat(-dp)).append(digits).toString();
    }
    if (dp >= nd) {
      return out.append(digits).append("0".repeat(dp - nd)).toString();
    }
    return out.append(digits, 0, dp).append('.').append(digits, dp, nd).toString();
  }
}
