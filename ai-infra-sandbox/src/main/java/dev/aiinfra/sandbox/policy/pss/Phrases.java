package dev.aiinfra.sandbox.policy.pss;

import java.util.Collection;
import java.util.StringJoiner;

/** Upstream's wording for details: {@code container "a"}, {@code containers "a", "b"}. */
final class Phrases {
  private Phrases() {}

  static String quoted(Collection<?> values) {
    StringJoiner j = new StringJoiner(", ");
    for (Object v : values) {
      j.add("\"" + v + "\"");
    }
    return j.toString();
  }

  static String plain(Collection<?> values) {
    StringJoiner j = new StringJoiner(", ");
    for (Object v : values) {
      j.add(String.valueOf(v));
    }
    return j.toString();
  }

  static String pluralize(String singular, String plural, int n) {
    return n == 1 ? singular : plural;
  }

  /** {@code container "a"} or {@code containers "a", "b"}. */
  static String containers(Collection<String> names) {
    return pluralize("container", "containers", names.size()) + " " + quoted(names);
  }

  /** {@code value} in double quotes with Go's escapes ({@code %q}): {@code \"}, {@code \\}, control characters. */
  static String goQuoted(String value) {
    StringBuilder b = new StringBuilder("\"");
    value.codePoints().forEach(cp -> {
      switch (cp) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case 7 -> b.append("\\a");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case 11 -> b.append("\\v");
        default -> {
          if (cp < 0x20 || cp == 0x7f) {
            b.append(String.format("\\x%02x", cp));
          } else if (Character.isISOControl(cp) || !Character.isDefined(cp)) {
            b.append(cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
          } else {
            b.appendCodePoint(cp);
          }
        }
      }
    });
    return b.append('"').toString();
  }
}
