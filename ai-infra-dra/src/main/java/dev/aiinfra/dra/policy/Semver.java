package dev.aiinfra.dra.policy;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version as Kubernetes' CEL library sees it ({@code semver("1.2.3")}): ordered by
 * major, minor, patch, then pre-release (a pre-release sorts before the release; identifiers
 * compare numerically when numeric); build metadata is ignored in ordering.
 */
public final class Semver implements Comparable<Semver> {
  private static final Pattern STRICT = Pattern.compile(
      "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$");
  private final long major;
  private final long minor;
  private final long patch;
  private final String pre;
  private final String text;

  private Semver(long major, long minor, long patch, String pre, String text) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.pre = pre;
    this.text = text;
  }

  /** Parses strictly; with {@code normalize}, a leading {@code v} and missing minor/patch are accepted. */
  public static Semver parse(String text, boolean normalize) {
    String t = text;
    if (normalize) {
      if (t.startsWith("v")) {
        t = t.substring(1);
      }
      String core = t.split("[-+]", 2)[0];
      String rest = t.substring(core.length());
      String[] parts = core.split("\\.");
      StringBuilder fixed = new StringBuilder();
      for (int i = 0; i < 3; i++) {
        String p = i < parts.length ? parts[i].replaceFirst("^0+(?=\\d)", "") : "0";
        fixed.append(i == 0 ? "" : ".").append(p);
      }
      t = fixed + rest;
    }
    Matcher m = STRICT.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid semver: " + text);
    }
    return new Semver(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), m.group(4), text);
  }

  public static boolean isValid(String text, boolean normalize) {
    try {
      parse(text, normalize);
      return true;
    } catch (IllegalArgumentException | ArithmeticException e) {
      return false;
    }
  }

  public long major() {
    return major;
  }

  public long minor() {
    return minor;
  }

  public long patch() {
    return patch;
  }

  @Override
  public int compareTo(Semver o) {
    int c = Long.compare(major, o.major);
    if (c == 0) {
      c = Long.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Long.compare(patch, o.patch);
    }
    if (c != 0) {
      return c;
    }
    if (pre == null || o.pre == null) {
      return pre == null ? (o.pre == null ? 0 : 1) : -1;
    }
    String[] a = pre.split("\\.");
    String[] b = o.pre.split("\\.");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      boolean an = a[i].chars().allMatch(Character::isDigit);
      boolean bn = b[i].chars().allMatch(Character::isDigit);
      int x;
      if (an && bn) {
        x = new java.math.BigInteger(a[i]).compareTo(new java.math.BigInteger(b[i]));
      } else if (an != bn) {
        x = an ? -1 : 1;
      } else {
        x = a[i].compareTo(b[i]);
      }
      if (x != 0) {
        return x;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Semver s && s.compareTo(this) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(major, minor, patch, pre);
  }

  @Override
  public String toString() {
    return text;
  }
}
