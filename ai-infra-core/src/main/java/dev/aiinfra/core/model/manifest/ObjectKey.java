package dev.aiinfra.core.model.manifest;

import java.util.Objects;

/**
 * What makes an object unique in a cluster: API group (not version), kind, namespace and name.
 * {@code apps/v1 Deployment default/web} and {@code apps/v1beta2 Deployment default/web} are one object.
 */
public record ObjectKey(String group, String kind, String namespace, String name) implements Comparable<ObjectKey> {
  /** From the API group (not the apiVersion: see {@link #of}); {@code namespace} is empty for cluster-scoped objects. */
  public ObjectKey {
    Objects.requireNonNull(group);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(namespace);
    Objects.requireNonNull(name);
  }

  /** {@code namespace} is empty for cluster-scoped objects. */
  public static ObjectKey of(String apiVersion, String kind, String namespace, String name) {
    return new ObjectKey(
        ApiVersions.group(apiVersion), kind, namespace == null ? "" : namespace, name == null ? "" : name);
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

  /** {@code Deployment default/web}, or {@code Namespace team-a} when cluster-scoped. */
  @Override
  public String toString() {
    return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }
}
