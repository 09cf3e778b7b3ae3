package dev.aiinfra.dra.policy;

import dev.aiinfra.dra.model.DeviceClassSpec;
import dev.aiinfra.dra.model.ResourceSliceSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the allocator reads about a cluster's hardware: every ResourceSlice (all nodes, all
 * generations), the DeviceClasses, and node labels for slice node selectors. Immutable; indexed
 * once by node and by (driver, pool).
 */
public final class DraCluster {
  private final List<ResourceSliceSpec> slices;
  private final Map<String, DeviceClassSpec> classes;
  private final Map<String, Map<String, String>> nodeLabels;
  private final Map<String, List<ResourceSliceSpec>> byNode = new HashMap<>();
  private final List<ResourceSliceSpec> withoutNodeName = new ArrayList<>();
  private final List<ResourceSliceSpec> nodeLocalCounters = new ArrayList<>();
  private final Map<PoolKey, List<ResourceSliceSpec>> byPool = new HashMap<>();

  private DraCluster(List<ResourceSliceSpec> slices, Map<String, DeviceClassSpec> classes, Map<String, Map<String, String>> nodeLabels) {
    this.slices = List.copyOf(slices);
    this.classes = Map.copyOf(classes);
    this.nodeLabels = Map.copyOf(nodeLabels);
    for (ResourceSliceSpec s : this.slices) {
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
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<ResourceSliceSpec> slices() {
    return slices;
  }

  public Optional<DeviceClassSpec> deviceClass(String name) {
    return Optional.ofNullable(classes.get(name));
  }

  public Collection<DeviceClassSpec> deviceClasses() {
    return classes.values();
  }

  /** A node's labels (empty when the node was not described). */
  public Map<String, String> nodeLabels(String node) {
    return nodeLabels.getOrDefault(node, Map.of());
  }

  /** Nodes named by a slice's {@code nodeName} or described with labels, in name order. */
  public SortedSet<String> nodeNames() {
    SortedSet<String> names = new TreeSet<>(byNode.keySet());
    names.addAll(nodeLabels.keySet());
    return names;
  }

  /**
   * Slices a node may see: those with its {@code nodeName}, all without a node name, and every
   * slice of shared counters (kube-scheduler considers counter slices for every node, whatever
   * node they name, so their pool is visible there too).
   */
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

  /** Every slice of a pool, on any node and of any generation. */
  List<ResourceSliceSpec> poolSlices(PoolKey pool) {
    return byPool.getOrDefault(pool, List.of());
  }

  /** Builder for {@link DraCluster}. */
  public static final class Builder {
    private final List<ResourceSliceSpec> slices = new ArrayList<>();
    private final Map<String, DeviceClassSpec> classes = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> nodeLabels = new HashMap<>();

    private Builder() {}

    public Builder addSlices(ResourceSliceSpec... s) {
      slices.addAll(List.of(s));
      return this;
    }

    public Builder addAllSlices(Collection<ResourceSliceSpec> s) {
      slices.addAll(s);
      return this;
    }

    public Builder addClasses(DeviceClassSpec... c) {
      for (DeviceClassSpec d : c) {
        classes.put(d.name(), d);
      }
      return this;
    }

    public Builder addAllClasses(Collection<DeviceClassSpec> c) {
      c.forEach(this::addClasses);
      return this;
    }

    /** Describes a node (its labels), making it a candidate even without node-local slices. */
    public Builder putNode(String name, Map<String, String> labels) {
      nodeLabels.put(name, Map.copyOf(labels));
      return this;
    }

    public DraCluster build() {
      return new DraCluster(slices, classes, nodeLabels);
    }
  }
}
