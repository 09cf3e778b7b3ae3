package dev.aiinfra.scheduling.policy.kueue;

import dev.aiinfra.core.model.quantity.Quantity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One flavor the recipe derived: its name, the accelerator label value it stands for, the nodes in
 * it and the quota it got (the sum of their allocatable, per covered resource, in covered order).
 */
public record RecipeFlavor(String name, String accelerator, List<String> nodes, Map<String, Quantity> quota) {
  public RecipeFlavor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(accelerator, "accelerator");
    nodes = List.copyOf(nodes);
    quota = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(quota));
  }
}
