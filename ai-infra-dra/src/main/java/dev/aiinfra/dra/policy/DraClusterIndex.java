package dev.aiinfra.dra.policy;

import dev.aiinfra.dra.model.DeviceClassSpec;
import dev.aiinfra.dra.model.ResourceSliceSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** The lookups the allocator makes on a {@link DraCluster}, computed once per cluster. */
final class DraClusterIndex {
  final Map<String, DeviceClassSpec> classes = new LinkedHashMap<>();
  final Map<PoolKey, List<ResourceSliceSpec>> byPool = new HashMap<>();
  private final Map<String, List<ResourceSliceSpec>> byNode = new HashMap<>();
  private final List<ResourceSliceSpec> withoutNodeName = new ArrayList<>();
  private final List<ResourceSliceSpec> nodeLocalCounters = new ArrayList<>();
  private final SortedSet<String> nodeNames = new TreeSet<>();

  DraClusterIndex(List<ResourceSliceSpec> slices, List<DeviceClassSpec> classes, Map<String, Map<String, String>> nodes) {
    for (DeviceClassSpec c : classes) {
      this.classes.put(c.name(), c);
    }
    for (ResourceSliceSpec s : slices) {
      if (s.nodeName().isPresent()) {
        byNode.computeIfAbsent(s.nodeName().get(), k -> new ArrayList<>()).add(s);
        if (!s.sharedCounters().isEmpty()) {
          nodeLocalCounters.add(s);
        }
      } else {
        withoutNodeName.add(s);
      }
      byPool.computeIfAbsent(new PoolKey(s.driver(), s.pool()), k -> new ArrayList<>()).add(s);
    }
    nodeNames.addAll(byNode.keySet());
    nodeNames.addAll(nodes.keySet());
  }

  SortedSet<String> nodeNames() {
    return Collections.unmodifiableSortedSet(nodeNames);
  }

  List<ResourceSliceSpec> candidateSlices(String node) {
    List<ResourceSliceSpec> own = byNode.getOrDefault(node, List.of());
    List<ResourceSliceSpec> all = new ArrayList<>(own.size() + withoutNodeName.size() + nodeLocalCounters.size());
    all.addAll(own);
    all.addAll(withoutNodeName);
    for (ResourceSliceSpec s : nodeLocalCounters) {
      if (!s.nodeName().get().equals(node)) {
        all.add(s);
      }
    }
    return all;
  }
}
