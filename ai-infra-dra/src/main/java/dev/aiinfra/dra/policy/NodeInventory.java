package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.node.NodeSelectorOperator;
import dev.aiinfra.core.model.node.NodeSelectorRequirement;
import dev.aiinfra.core.model.node.NodeSelectorTerm;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.dra.model.CounterConsumption;
import dev.aiinfra.dra.model.CounterSet;
import dev.aiinfra.dra.model.Device;
import dev.aiinfra.dra.model.DraCode;
import dev.aiinfra.dra.model.ResourceSliceSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pools and devices one node sees, in the 1.36+ search order: pools by (driver, pool name) with
 * pools holding devices with binding conditions last, slices by name, devices in slice order.
 * Obsolete pools (a newer generation exists anywhere) are dropped; incomplete and invalid pools
 * are kept aside (they make All-mode requests fatal and are reported).
 */
final class NodeInventory {
  final String node;
  final List<NodePool> pools;
  final List<Candidate> candidates;
  /** {@code matchFields metadata.name In [node]}: the selector of every node-local allocation. */
  final NodeSelectorTerm thisNode;
  /** The one reason given when explanations are off. */
  final Diagnostic unsatisfiable;

  private NodeInventory(String node, List<NodePool> pools, List<Candidate> candidates) {
    this.node = node;
    this.unsatisfiable = Diagnostic.builder().code(DraCode.DRA_UNSATISFIABLE).path("node " + node)
        .message("cannot allocate all claims on node " + node).build();
    this.thisNode = NodeSelectorTerm.builder()
        .addMatchFields(NodeSelectorRequirement.of("metadata.name", NodeSelectorOperator.In, node))
        .build();
    this.pools = pools;
    this.candidates = candidates;
    boolean invalid = false;
    for (NodePool p : pools) {
      invalid |= p.invalid();
    }
    this.anyInvalid = invalid;
  }

  private final boolean anyInvalid;

  boolean anyInvalid() {
    return anyInvalid;
  }

  static NodeInventory build(DraCluster cluster, String node, AllocatorFeatures features) {
    Map<String, String> labels = cluster.nodeLabels(node);
    Map<PoolKey, List<ResourceSliceSpec>> newest = new TreeMap<>();
    for (ResourceSliceSpec s : cluster.candidateSlices(node)) {
      if (!features.partitionableDevices() && (s.perDeviceNodeSelection() || !s.sharedCounters().isEmpty())) {
        continue;
      }
      if (!relevant(s, node, labels)) {
        continue;
      }
      List<ResourceSliceSpec> current = newest.computeIfAbsent(new PoolKey(s.driver(), s.pool()), k -> new ArrayList<>());
      if (!current.isEmpty() && current.get(0).generation() < s.generation()) {
        current.clear();
      }
      if (current.isEmpty() || current.get(0).generation() == s.generation()) {
        current.add(s);
      }
    }
    List<NodePool> pools = new ArrayList<>();
    for (Map.Entry<PoolKey, List<ResourceSliceSpec>> e : newest.entrySet()) {
      NodePool p = pool(cluster, node, labels, e.getKey(), e.getValue());
      if (p != null) {
        pools.add(p);
      }
    }
    pools.sort(Comparator.comparing((NodePool p) -> p.hasBindingConditions).thenComparing(p -> p.key));
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < pools.size(); i++) {
      pools.get(i).index = i;
    }
    for (NodePool p : pools) {
      for (ResourceSliceSpec s : p.slices) {
        for (Device d : s.devices()) {
          // A per-device-selection device for another node stays a candidate: the scheduler
          // evaluates its selectors (a CEL error is fatal) before it checks the node.
          boolean nodeMatch = !s.perDeviceNodeSelection() || deviceMatches(d, node, labels);
          Candidate c = new Candidate(d, s, p, p.usable() ? candidates.size() : -1, nodeMatch);
          p.devices.add(c);
          if (p.usable()) {
            candidates.add(c);
          }
        }
      }
    }
    return new NodeInventory(node, List.copyOf(pools), List.copyOf(candidates));
  }

  private static boolean relevant(ResourceSliceSpec s, String node, Map<String, String> labels) {
    if (!s.sharedCounters().isEmpty()) {
      return true; // counters are needed to use the pool whatever the slice's node selection
    }
    if (s.nodeName().isPresent()) {
      return s.nodeName().get().equals(node);
    }
    if (s.allNodes()) {
      return true;
    }
    if (s.nodeSelector().isPresent()) {
      return s.nodeSelector().get().matches(node, labels);
    }
    if (s.perDeviceNodeSelection()) {
      return s.devices().stream().anyMatch(d -> deviceMatches(d, node, labels));
    }
    return false;
  }

  private static boolean deviceMatches(Device d, String node, Map<String, String> labels) {
    if (d.nodeName().isPresent()) {
      return d.nodeName().get().equals(node);
    }
    if (d.allNodes()) {
      return true;
    }
    return d.nodeSelector().map(t -> t.matches(node, labels)).orElse(false);
  }

  private static NodePool pool(DraCluster cluster, String node, Map<String, String> labels, PoolKey key, List<ResourceSliceSpec> relevant) {
    long generation = relevant.get(0).generation();
    long expected = relevant.get(0).resourceSliceCount();
    List<ResourceSliceSpec> generationSlices = new ArrayList<>();
    for (ResourceSliceSpec s : cluster.poolSlices(key)) {
      if (s.generation() > generation) {
        return null;
      }
      if (s.generation() == generation) {
        generationSlices.add(s);
      }
    }
    boolean incomplete = relevant.size() != expected && generationSlices.size() != expected;
    List<ResourceSliceSpec> sorted = new ArrayList<>(relevant);
    sorted.sort(Comparator.comparing(ResourceSliceSpec::name));
    String invalid = null;
    Set<String> deviceNames = new HashSet<>();
    boolean binding = false;
    for (ResourceSliceSpec s : sorted) {
      // Every device of a relevant slice counts, also per-device-selection devices for other
      // nodes: for unique names and for "has binding conditions" (such pools are searched last).
      for (Device d : s.devices()) {
        if (!deviceNames.add(d.name()) && invalid == null) {
          invalid = "device name " + d.name() + " is used more than once";
        }
        binding |= !d.bindingConditions().isEmpty();
      }
    }
    Map<String, Map<String, Quantity>> counterSets = new LinkedHashMap<>();
    for (ResourceSliceSpec s : generationSlices) {
      for (CounterSet cs : s.sharedCounters()) {
        if (counterSets.put(cs.name(), cs.counters()) != null && invalid == null) {
          invalid = "counter set " + cs.name() + " is defined more than once";
        }
      }
    }
    for (ResourceSliceSpec s : generationSlices) {
      for (Device d : s.devices()) {
        for (CounterConsumption cc : d.consumesCounters()) {
          Map<String, Quantity> set = counterSets.get(cc.counterSet());
          if (set == null) {
            invalid = invalid != null ? invalid : "device " + d.name() + " consumes counters of the unknown counter set " + cc.counterSet();
          } else if (!set.keySet().containsAll(cc.counters().keySet()) && invalid == null) {
            invalid = "device " + d.name() + " consumes a counter that counter set " + cc.counterSet() + " does not define";
          }
        }
      }
    }
    return new NodePool(key, generation, sorted, List.copyOf(generationSlices), counterSets, incomplete, invalid, binding);
  }

  /** All devices of the pool (any node) for counter accounting. */
  static Map<DeviceId, Device> poolDevices(NodePool p) {
    Map<DeviceId, Device> all = new HashMap<>();
    for (ResourceSliceSpec s : p.generationSlices) {
      for (Device d : s.devices()) {
        all.put(new DeviceId(s.driver(), s.pool(), d.name()), d);
      }
    }
    return all;
  }
}
