package dev.aiinfra.core.model;

import java.util.Objects;

/**
 * A field path in the API server's notation: {@code spec.dnsConfig.options[0].name},
 * {@code metadata.labels[app]}.
 */
public final class FieldPath {
  private static final FieldPath ROOT = new FieldPath("");
  private final String path;

  private FieldPath(String path) {
    this.path = path;
  }

  public static FieldPath root() {
    return ROOT;
  }

  /** A path from dotted text, e.g. {@code FieldPath.of("spec.dnsConfig")}. */
  public static FieldPath of(String path) {
    return new FieldPath(Objects.requireNonNull(path, "path"));
  }

  public FieldPath child(String name) {
    if (path.isEmpty()) {
      return new FieldPath(name);
    }
    if (name.startsWith("[")) {
      return new FieldPath(path + name);
    }
    return new FieldPath(path + "." + name);
  }

  public FieldPath index(int i) {
    return new FieldPath(path + "[" + i + "]");
  }

  public FieldPath key(String key) {
    return new FieldPath(path + "[" + key + "]");
  }

  public boolean isRoot() {
    return path.isEmpty();
  }

  @Override
  public String toString() {
    return path;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FieldPath p && p.path.equals(path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }
}
