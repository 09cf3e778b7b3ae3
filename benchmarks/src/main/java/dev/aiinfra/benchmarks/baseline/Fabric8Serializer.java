package dev.aiinfra.benchmarks.baseline;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;

/** The baseline for writing YAML: fabric8's own serializer ({@code Serialization.asYaml}) on the same objects. */
public final class Fabric8Serializer {
  private Fabric8Serializer() {}

  /** Every object as fabric8 writes it (each document starts with its own {@code ---}). */
  public static String yaml(List<? extends HasMetadata> objects) {
    StringBuilder out = new StringBuilder();
    for (HasMetadata o : objects) {
      out.append(Serialization.asYaml(o));
    }
    return out.toString();
  }
}
