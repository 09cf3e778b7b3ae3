package dev.aiinfra.scheduling.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A topology's levels from the top (e.g. block) to the bottom (e.g. {@code kubernetes.io/hostname}),
 * as in Kueue's {@code Topology.spec.levels[].nodeLabel}: 1 to 16 unique label keys, the hostname
 * only as the last level.
 */
@Value.Immutable
public abstract class Topology {
  public static final String HOSTNAME = "kubernetes.io/hostname";

  @Value.Default
  public String name() {
    return "default";
  }

  public abstract List<String> levels();

  public static Topology of(String name, List<String> levels) {
    return ImmutableTopology.builder().name(name).levels(levels).build();
  }

  public static Topology hostnameOnly() {
    return of("default", List.of(HOSTNAME));
  }

  /** Whether the lowest level is the hostname, so that leaves are single nodes. */
  public boolean lowestIsHostname() {
    return levels().get(levels().size() - 1).equals(HOSTNAME);
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    FieldPath at = FieldPath.of("levels");
    if (levels().isEmpty() || levels().size() > 16) {
      v.invalid(at, levels().size(), "must have 1 to 16 levels");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < levels().size(); i++) {
      String l = levels().get(i);
      v.checkName(at.index(i).child("nodeLabel"), l, NameRules.qualifiedName(l));
      if (!seen.add(l)) {
        v.duplicate(at.index(i).child("nodeLabel"), l);
      }
      if (l.equals(HOSTNAME) && i != levels().size() - 1) {
        v.invalid(at.index(i).child("nodeLabel"), l, "kubernetes.io/hostname may only be the last level");
      }
    }
    v.throwIfAny();
  }
}
