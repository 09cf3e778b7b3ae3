package dev.aiinfra.examples.gang;

import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.read.ClusterReader;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample cluster of {@code clusters/gpu-cluster.yaml} (2 blocks × 2 racks × 32 hosts of 8
 * GPUs, rack b0-r0 half full), read as {@code ai-infra snapshot} would write a real one: a cluster
 * is what a program usually starts from as YAML, while the workload stays typed.
 */
public final class SampleCluster {
  /** Where the sample cluster lives on the class path. */
  public static final String RESOURCE = "/clusters/gpu-cluster.yaml";

  private SampleCluster() {}

  /** The nodes and what the bound pods already use. */
  public static ClusterState read() {
    List<ClusterNode> nodes = new ArrayList<>();
    Map<String, ResourceList> usage = new HashMap<>();
    for (SourcedObject o : ManifestReader.withDefaults().readString(RESOURCE.substring(1), yaml())) {
      if (o.object() instanceof Node n) {
        nodes.add(ClusterReader.node(n));
      } else if (o.object() instanceof Pod p && ClusterReader.occupies(p)) {
        usage.merge(p.getSpec().getNodeName(), ClusterReader.usage(p), ResourceList::plus);
      }
    }
    return ClusterState.builder().nodes(nodes).usage(usage).build();
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
