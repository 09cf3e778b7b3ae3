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
}
