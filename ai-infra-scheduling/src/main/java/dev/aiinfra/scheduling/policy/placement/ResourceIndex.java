package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.QuantityField;
import dev.aiinfra.core.model.quantity.ResourceList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Resource names as array indices, in name order. CPU is counted in millicores and every other
 * resource in whole units (rounded up), as Kueue's TAS compares them. A count past 2^63−1, which
 * only a sum can reach (the readers refuse single values kube-scheduler could not count), is held
 * at {@link Long#MAX_VALUE} (see {@link CapacityMath}).
 */
final class ResourceIndex {
  public static final String PODS = "pods";
  private final String[] names;
  private final Map<String, Integer> index = new HashMap<>();

  public ResourceIndex(TreeSet<String> allNames) {
    allNames.add(PODS);
    names = allNames.toArray(String[]::new);
    for (int i = 0; i < names.length; i++) {
      index.put(names[i], i);
    }
  }

  public int size() {
    return names.length;
  }

  public String name(int i) {
    return names[i];
  }

  public int pods() {
    return index.get(PODS);
  }

  public int indexOf(String name) {
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  public static long units(String resource, Quantity q) {
    if (QuantityField.fitsCount(resource, q)) {
      return resource.equals("cpu") ? q.milliValue() : q.longValue();
    }
    return q.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
  }

  public long[] vector(ResourceList list) {
    long[] v = new long[names.length];
    for (Map.Entry<String, Quantity> e : list.asMap().entrySet()) {
      int i = indexOf(e.getKey());
      if (i >= 0) {
        v[i] = units(e.getKey(), e.getValue());
      }
    }
    return v;
  }

  /** A pod's request vector with the implicit {@code pods: 1}. */
  public long[] podRequest(ResourceList requests) {
    long[] v = vector(requests);
    v[pods()] = Math.max(v[pods()], 1);
    return v;
  }

  public List<String> names() {
    return new ArrayList<>(List.of(names));
  }
}
