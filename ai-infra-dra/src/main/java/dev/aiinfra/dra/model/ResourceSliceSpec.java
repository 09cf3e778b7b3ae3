package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.node.NodeSelectorTerm;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A ResourceSlice ({@code resource.k8s.io/v1}): the driver, its pool (name, generation, slice
 * count), exactly one node selection ({@code nodeName}, {@code nodeSelector}, {@code allNodes},
 * {@code perDeviceNodeSelection}), and devices or shared counters (not both, since 1.35).
 */
@Value.Immutable
public abstract class ResourceSliceSpec implements WithResourceSliceSpec {
  public abstract String name();

  public abstract String driver();

  public abstract String pool();

  @Value.Default
  public long generation() {
    return 1;
  }

  @Value.Default
  public long resourceSliceCount() {
    return 1;
  }

  public abstract Optional<String> nodeName();

  public abstract Optional<NodeSelectorTerm> nodeSelector();

  @Value.Default
  public boolean allNodes() {
    return false;
  }

  @Value.Default
  public boolean perDeviceNodeSelection() {
    return false;
  }

  public abstract List<Device> devices();

  public abstract List<CounterSet> sharedCounters();

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("metadata.name"), name(), NameRules.dns1123Subdomain(name()));
    v.checkName(FieldPath.of("spec.driver"), driver(), NameRules.dns1123Subdomain(driver()));
    if (driver().length() > 63) {
      v.tooLong(FieldPath.of("spec.driver"), 63);
    }
    int selections = (nodeName().isPresent() ? 1 : 0) + (nodeSelector().isPresent() ? 1 : 0) + (allNodes() ? 1 : 0) + (perDeviceNodeSelection() ? 1 : 0);
    if (selections != 1) {
      v.invalid(FieldPath.of("spec"), selections, "exactly one of `nodeName`, `nodeSelector`, `allNodes`, `perDeviceNodeSelection` is required");
    }
    if (!devices().isEmpty() && !sharedCounters().isEmpty()) {
      v.forbidden(FieldPath.of("spec.sharedCounters"), "a slice holds devices or shared counters, not both");
    }
    int limit = devices().stream().anyMatch(d -> !d.taints().isEmpty() || !d.consumesCounters().isEmpty()) ? 64 : 128;
    if (devices().size() > limit) {
      v.tooMany(FieldPath.of("spec.devices"), devices().size(), limit);
    }
    if (sharedCounters().size() > 8) {
      v.tooMany(FieldPath.of("spec.sharedCounters"), sharedCounters().size(), 8);
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < devices().size(); i++) {
      if (!names.add(devices().get(i).name())) {
        v.duplicate(FieldPath.of("spec.devices").index(i).child("name"), devices().get(i).name());
      }
      Device d = devices().get(i);
      boolean own = d.nodeName().isPresent() || d.nodeSelector().isPresent() || d.allNodes();
      if (perDeviceNodeSelection() && !own) {
        v.required(FieldPath.of("spec.devices").index(i), "with perDeviceNodeSelection every device needs nodeName, nodeSelector or allNodes");
      }
      if (!perDeviceNodeSelection() && own) {
        v.forbidden(FieldPath.of("spec.devices").index(i), "per-device node selection needs perDeviceNodeSelection on the slice");
      }
    }
    if (resourceSliceCount() < 1) {
      v.invalid(FieldPath.of("spec.pool.resourceSliceCount"), resourceSliceCount(), "must be at least 1");
    }
    v.throwIfAny();
  }

  /** Builder for {@link ResourceSliceSpec}. */
  public static final class Builder extends ImmutableResourceSliceSpec.Builder {}
}
