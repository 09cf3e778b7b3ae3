package dev.aiinfra.core.model.quantity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A resource vector such as a container's requests or a node's allocatable: resource name to
 * quantity, kept in name order so it prints and iterates deterministically. Extended resources
 * ({@code nvidia.com/gpu}, {@code rdma/ib}) are ordinary entries. Absent names count as zero.
 */
public final class ResourceList {
  public static final String CPU = "cpu";
  public static final String MEMORY = "memory";
  public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
  public static final String PODS = "pods";
  public static final String NVIDIA_GPU = "nvidia.com/gpu";

  private static final ResourceList EMPTY = new ResourceList(new TreeMap<>());
  private final TreeMap<String, Quantity> entries;

  private ResourceList(TreeMap<String, Quantity> entries) {
    this.entries = entries;
  }

  public static ResourceList empty() {
    return EMPTY;
  }

  public static ResourceList of(Map<String, Quantity> entries) {
    return new ResourceList(new TreeMap<>(entries));
  }

  /** From API text, e.g. {@code ResourceList.parse(Map.of("cpu", "500m", "memory", "1Gi"))}. */
  public static ResourceList parse(Map<String, String> text) {
    TreeMap<String, Quantity> parsed = new TreeMap<>();
    text.forEach((name, q) -> parsed.put(name, Quantity.parse(q)));
    return new ResourceList(parsed);
  }

  /** Convenience for tests and examples: {@code ResourceList.of("cpu", "4", "memory", "16Gi")}. */
  public static ResourceList of(String... namesAndQuantities) {
    if (namesAndQuantities.length % 2 != 0) {
      throw new IllegalArgumentException("expected name/quantity pairs");
    }
    TreeMap<String, Quantity> parsed = new TreeMap<>();
    for (int i = 0; i < namesAndQuantities.length; i += 2) {
      parsed.put(namesAndQuantities[i], Quantity.parse(namesAndQuantities[i + 1]));
    }
    return new ResourceList(parsed);
  }

  public Quantity get(String name) {
    return entries.getOrDefault(name, Quantity.ZERO);
  }

  public boolean has(String name) {
    return entries.containsKey(name);
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(entries.keySet());
  }

  public Map<String, Quantity> asMap() {
    return Collections.unmodifiableMap(entries);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public ResourceList with(String name, Quantity quantity) {
    TreeMap<String, Quantity> copy = new TreeMap<>(entries);
    copy.put(name, quantity);
    return new ResourceList(copy);
  }

  public ResourceList plus(ResourceList other) {
    TreeMap<String, Quantity> sum = new TreeMap<>(entries);
    other.entries.forEach((name, q) -> sum.merge(name, q, Quantity::plus));
    return new ResourceList(sum);
  }

  public ResourceList minus(ResourceList other) {
    TreeMap<String, Quantity> diff = new TreeMap<>(entries);
    other.entries.forEach((name, q) -> diff.put(name, get(name).minus(q)));
    return new ResourceList(diff);
  }

  public ResourceList times(long factor) {
    TreeMap<String, Quantity> scaled = new TreeMap<>();
    entries.forEach((name, q) -> scaled.put(name, q.times(factor)));
    return new ResourceList(scaled);
  }

  /** Per-name maximum, as kube computes the effective request of init containers. */
  public ResourceList max(ResourceList other) {
    TreeMap<String, Quantity> m = new TreeMap<>(entries);
    other.entries.forEach((name, q) -> m.merge(name, q, Quantity::max));
    return new ResourceList(m);
  }

  /** Names whose request here exceeds what {@code available} has (absent there means zero). */
  public List<String> exceeding(ResourceList available) {
    List<String> over = new ArrayList<>();
    entries.forEach(
        (name, q) -> {
          if (q.compareTo(available.get(name)) > 0) {
            over.add(name);
          }
        });
    return over;
  }

  /** Whether every entry fits in {@code available}. */
  public boolean fitsIn(ResourceList available) {
    return exceeding(available).isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ResourceList r)) {
      return false;
    }
    TreeMap<String, Quantity> a = withoutZeros(entries);
    TreeMap<String, Quantity> b = withoutZeros(r.entries);
    return a.equals(b);
  }

  private static TreeMap<String, Quantity> withoutZeros(TreeMap<String, Quantity> m) {
    TreeMap<String, Quantity> copy = new TreeMap<>();
    m.forEach((k, v) -> {
      if (!v.isZero()) {
        copy.put(k, v);
      }
    });
    return copy;
  }

  @Override
  public int hashCode() {
    return Objects.hash(withoutZeros(entries));
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
