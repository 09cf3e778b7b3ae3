package dev.aiinfra.core.model.quantity;

/**
 * Go's {@code strings.TrimSpace}, which the API server applies to a quantity before parsing it
 * ({@code Quantity.UnmarshalJSON}): leading and trailing characters for which {@code unicode.IsSpace}
 * holds. That set differs from Java's {@code String.strip()} (it includes U+0085 and the no-break
 * spaces, and excludes the information separators U+001C–U+001F).
 */
final class GoSpace {
  private GoSpace() {}

  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** {@code unicode.IsSpace}: the Latin-1 spaces, then the White_Space property (all in the BMP). */
  static boolean isSpace(char c) {
    switch (c) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
        return true;
      default:
        return c >= 0x2000 && c <= 0x200A;
    }
  }
}
