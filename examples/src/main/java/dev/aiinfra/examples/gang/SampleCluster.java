package dev.aiinfra.examples.gang;

import dev.aiinfra.core.read.ClusterModelReader;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.scheduling.model.ClusterState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The sample cluster of {@code clusters/gpu-cluster.yaml} (2 blocks × 2 racks × 32 hosts of 8
 * GPUs, rack b0-r0 half full), read as {@code ai-infra snapshot} would write a real one: a cluster
 * is what a program usually starts from as YAML, while the workload stays typed.
 */
public final class SampleCluster {
  /** Where the sample cluster lives on the class path. */
  public static final String RESOURCE = "/clusters/gpu-cluster.yaml";

  private SampleCluster() {}

  /** The nodes and the bound pods (what they use, their labels and anti-affinity), as the one cluster model reads them. */
  public static ClusterState read() {
    return ClusterState.of(ClusterModelReader.read(ManifestReader.withDefaults().readString(RESOURCE.substring(1), yaml())));
  }

  /** The YAML itself. */
  public static String yaml() {
    try (InputStream in = SampleCluster.class.getResourceAsStream(RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
