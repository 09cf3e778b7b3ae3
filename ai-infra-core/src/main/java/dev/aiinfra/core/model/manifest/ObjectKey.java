package dev.aiinfra.core.model.manifest;

import java.util.Objects;

/**
 * What makes an object unique in a cluster: API group (not version), kind, namespace and name.
 * {@code apps/v1 Deployment default/web} and {@code apps/v1beta2 Deployment default/web} are one object.
 */
public final class ObjectKey implements Comparable<ObjectKey> {
  private final String group;
  private final String kind;
  private final String namespace;
  private final String name;

  private ObjectKey(String group, String kind, String namespace, String name) {
    this.group = Objects.requireNonNull(group);
    this.kind = Objects.requireNonNull(kind);
    this.namespace = Objects.requireNonNull(namespace);
    this.name = Objects.requireNonNull(name);
  }

  /** {@code namespace} is empty for cluster-scoped objects. */
  public static ObjectKey of(String apiVersion, String kind, String namespace, String name) {
    return new ObjectKey(
        ApiVersions.group(apiVersion), kind, namespace == null ? "" : namespace, name == null ? "" : name);
  }

  public String group() {
    return group;
  }

  public String kind() {
    return kind;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  @Override
  public int compareTo(ObjectKey o) {
    int c = group.compareTo(o.group);
    if (c == 0) {
      c = kind.compareTo(o.kind);
    }
    if (c == 0) {
      c = namespace.compareTo(o.namespace);
    }
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ObjectKey k
        && k.group.equals(group)
        && k.kind.equals(kind)
        && k.namespace.equals(namespace)
        && k.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, kind, namespace, name);
  }

  /** {@code Deployment default/web}, or {@code Namespace team-a} when cluster-scoped. */
  @Override
  public String toString() {
    return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }
}
