package dev.aiinfra.core.model.profile;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node component and its version, written {@code name:version} on the command line: {@code
 * runc:1.3.2}, {@code crun:1.23}, {@code containerd:2.0}, {@code cri-o:1.31}. Versions compare
 * numerically, component by component (1.23 &gt; 1.3).
 */
public final class RuntimeVersion implements Comparable<RuntimeVersion> {
  private static final Pattern SYNTAX =
      Pattern.compile("([a-z][a-z0-9-]*)[:@]v?(\\d+(?:\\.\\d+){0,3})(?:[-+][0-9A-Za-z.-]*)?");
  private final String name;
  private final List<Integer> parts;

  private RuntimeVersion(String name, List<Integer> parts) {
    this.name = name;
    this.parts = List.copyOf(parts);
  }

  public static RuntimeVersion of(String name, String version) {
    return parse(name + ":" + version);
  }

  public static RuntimeVersion parse(String text) {
    Matcher m = SYNTAX.matcher(Objects.requireNonNullElse(text, "").trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new InvalidSpecException(
          List.of(
              FieldViolation.invalid(
                  FieldPath.of("runtime"), text, "must be NAME:VERSION, e.g. runc:1.3.2 or containerd:2.0")));
    }
    List<Integer> parts = new ArrayList<>();
    for (String p : m.group(2).split("\\.")) {
      parts.add(Integer.parseInt(p));
    }
    return new RuntimeVersion(m.group(1), parts);
  }

  public String name() {
    return name;
  }

  /** Whether this is {@code name} at {@code version} or newer; false for another component. */
  public boolean isAtLeast(String otherName, String version) {
    return name.equals(otherName) && compareVersion(of(otherName, version)) >= 0;
  }

  private int compareVersion(RuntimeVersion other) {
    int n = Math.max(parts.size(), other.parts.size());
    for (int i = 0; i < n; i++) {
      int a = i < parts.size() ? parts.get(i) : 0;
      int b = i < other.parts.size() ? other.parts.get(i) : 0;
      if (a != b) {
        return Integer.compare(a, b);
      }
    }
    return 0;
  }

  public String version() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      text.append(i == 0 ? "" : ".").append(parts.get(i));
    }
    return text.toString();
  }

  @Override
  public int compareTo(RuntimeVersion other) {
    int byName = name.compareTo(other.name);
    return byName != 0 ? byName : compareVersion(other);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RuntimeVersion r && r.name.equals(name) && r.compareVersion(this) == 0;
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name + ":" + version();
  }
}
