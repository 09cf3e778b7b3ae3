package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.node.NodeSelectorTerm;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.Taints;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.PodSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The static node checks for one pod set, in Kueue's order: untolerated NoSchedule/NoExecute
 * taints, then nodeSelector, then required node affinity. Returns why a node is excluded, in
 * Kueue's exclusion wording, or empty when it passes.
 */
final class NodeFilter {
  private final List<Toleration> tolerations;
  private final Map<String, String> selector;
  private final List<NodeSelectorTerm> affinity;

  public NodeFilter(PodSet podSet, List<Toleration> extraTolerations) {
    List<Toleration> all = new ArrayList<>(podSet.tolerations());
    all.addAll(extraTolerations);
    this.tolerations = all;
    this.selector = podSet.nodeSelector();
    this.affinity = podSet.requiredAffinity();
  }

  public Optional<String> exclusion(ClusterNode node) {
    Optional<Taint> taint = Taints.firstUntolerated(node.taints(), tolerations);
    if (taint.isPresent()) {
      return Optional.of("taint \"" + taint.get() + "\"");
    }
    for (Map.Entry<String, String> e : selector.entrySet()) {
      if (!e.getValue().equals(node.labels().get(e.getKey()))) {
        return Optional.of("nodeSelector");
      }
    }
    if (!NodeSelectorTerm.anyMatches(affinity, node.name(), node.labels())) {
      return Optional.of("affinity");
    }
    return Optional.empty();
  }
}
