package dev.aiinfra.cli.cgroup;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.QuantityField;
import dev.aiinfra.core.model.validation.Violations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Parsing shared by the cgroup commands: {@code --kubernetes-version 1.N} (any minor the cgroup
 * rules cover, wider than the cluster-profile range) and {@code --node-allocatable name=Q,…}.
 */
final class CgroupFlags {
  private CgroupFlags() {}

  /** The minor version of {@code 1.N[.P]} (optionally with a leading v), or a problem added to {@code problems}. */
  static OptionalInt minor(String version, List<String> problems) {
    if (!version.matches("v?1\\.\\d+(\\.\\d+)?")) {
      problems.add("--kubernetes-version " + version + " is not 1.N");
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(version.replaceFirst("^v?1\\.", "").replaceFirst("\\..*", "")));
  }

  /**
   * {@code name=quantity} entries; each malformed one, and each the kubelet could not count as a
   * 64-bit integer (CPU in millicores, anything else in whole units), is added to {@code problems}.
   */
  static Map<String, Quantity> allocatable(String text, List<String> problems) {
    Map<String, Quantity> out = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2 || !Quantity.isValid(kv[1].trim())) {
        problems.add("--node-allocatable entry " + part + " is not name=quantity");
        continue;
      }
      String name = kv[0].trim();
      Quantity q = Quantity.parse(kv[1].trim());
      Violations v = new Violations();
      if (QuantityField.countable(name, q, FieldPath.of("--node-allocatable").key(name), "the kubelet", v)) {
        out.put(name, q);
      } else {
        v.list().forEach(x -> problems.add(x.toString()));
      }
    }
    return out;
  }
}
