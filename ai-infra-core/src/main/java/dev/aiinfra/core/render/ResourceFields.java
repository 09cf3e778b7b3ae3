package dev.aiinfra.core.render;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.QuantityField;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.validation.Violations;
import java.util.Map;
import java.util.TreeMap;

/**
 * A resource list of a fabric8 object ({@code resources.requests}, {@code resources.limits},
 * {@code spec.overhead}, {@code status.allocatable}) read by {@link QuantityField}'s rule: a {@code
 * null} value is zero, malformed or negative values are violations at {@code at[name]}, as the API
 * server reports them.
 */
public final class ResourceFields {
  private ResourceFields() {}

  /** The list with every readable entry; every unreadable one is a violation in {@code v}. */
  public static ResourceList read(Map<String, io.fabric8.kubernetes.api.model.Quantity> values, FieldPath at, Violations v) {
    TreeMap<String, Quantity> out = new TreeMap<>();
    if (values != null) {
      values.forEach((name, q) -> QuantityField.resource(q == null ? null : q.toString(), at.key(name), v)
          .ifPresent(parsed -> out.put(name, parsed)));
    }
    return ResourceList.of(out);
  }

  /** Adds a violation for every entry {@code counter} cannot count as a 64-bit integer. */
  public static boolean countable(ResourceList list, FieldPath at, String counter, Violations v) {
    boolean all = true;
    for (Map.Entry<String, Quantity> e : list.asMap().entrySet()) {
      all &= QuantityField.countable(e.getKey(), e.getValue(), at.key(e.getKey()), counter, v);
    }
    return all;
  }
}
