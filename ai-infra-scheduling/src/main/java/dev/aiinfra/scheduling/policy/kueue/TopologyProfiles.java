package dev.aiinfra.scheduling.policy.kueue;

import dev.aiinfra.core.model.inventory.NodeState;
import dev.aiinfra.scheduling.model.Topology;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Topology label sets clouds put on their accelerator nodes, tried in this order when the recipe is
 * given no levels: the first set every accelerator node carries becomes the Topology. Each set ends
 * with the hostname, so that pods are placed on nodes (Kueue's pods-to-nodes TAS mode).
 */
final class TopologyProfiles {
  /** Profile name to levels, top to bottom. */
  static final Map<String, List<String>> KNOWN = orderedProfiles();

  private TopologyProfiles() {}

  private static Map<String, List<String>> orderedProfiles() {
    Map<String, List<String>> m = new java.util.LinkedHashMap<>();
    // GKE: compact placement blocks and sub-blocks of A3/A4 machines
    m.put("gke", List.of("cloud.google.com/gce-topology-block", "cloud.google.com/gce-topology-subblock", Topology.HOSTNAME));
    // EKS: the network node layers of the instance topology API
    m.put("eks", List.of("topology.k8s.aws/network-node-layer-1", "topology.k8s.aws/network-node-layer-2",
        "topology.k8s.aws/network-node-layer-3", Topology.HOSTNAME));
    // the labels of Kueue's own TAS documentation (block, rack)
    m.put("block-rack", List.of("cloud.provider.com/topology-block", "cloud.provider.com/topology-rack", Topology.HOSTNAME));
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The first known profile whose labels, all but the hostname, every node carries. */
  static Optional<Map.Entry<String, List<String>>> detect(List<NodeState> nodes) {
    for (Map.Entry<String, List<String>> p : KNOWN.entrySet()) {
      List<String> upper = p.getValue().subList(0, p.getValue().size() - 1);
      if (nodes.stream().allMatch(n -> upper.stream().allMatch(n.labels()::containsKey))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
