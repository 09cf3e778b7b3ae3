package dev.aiinfra.dra.model;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.node.NodeSelectorTerm;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One device of a ResourceSlice: a DNS-label name, attributes and capacities by (optionally
 * domain-qualified) name, counter consumption, per-device node selection (with
 * {@code perDeviceNodeSelection}), taints, binding conditions and {@code allowMultipleAllocations}.
 */
@Value.Immutable
public abstract class Device implements WithDevice {
  public static final int MAX_ATTRIBUTES_AND_CAPACITIES = 32;

  public abstract String name();

  public abstract Map<String, AttributeValue> attributes();

  public abstract Map<String, DeviceCapacity> capacity();

  public abstract List<CounterConsumption> consumesCounters();

  public abstract Optional<String> nodeName();

  public abstract Optional<NodeSelectorTerm> nodeSelector();

  @Value.Default
  public boolean allNodes() {
    return false;
  }

  public abstract List<DeviceTaint> taints();

  @Value.Default
  public boolean bindsToNode() {
    return false;
  }

  public abstract List<String> bindingConditions();

  public abstract List<String> bindingFailureConditions();

  @Value.Default
  public boolean allowMultipleAllocations() {
    return false;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("name"), name(), NameRules.dns1123Label(name()));
    if (attributes().size() + capacity().size() > MAX_ATTRIBUTES_AND_CAPACITIES) {
      v.tooMany(FieldPath.of("attributes"), attributes().size() + capacity().size(), MAX_ATTRIBUTES_AND_CAPACITIES);
    }
    for (String k : attributes().keySet()) {
      v.checkName(FieldPath.of("attributes").key(k), k, QualifiedNames.check(k));
    }
    for (String k : capacity().keySet()) {
      v.checkName(FieldPath.of("capacity").key(k), k, QualifiedNames.check(k));
    }
    if (consumesCounters().size() > 2) {
      v.tooMany(FieldPath.of("consumesCounters"), consumesCounters().size(), 2);
    }
    if (taints().size() > 16) {
      v.tooMany(FieldPath.of("taints"), taints().size(), 16);
    }
    for (var e : capacity().entrySet()) {
      if (e.getValue().requestPolicy().isPresent() && !allowMultipleAllocations()) {
        v.forbidden(FieldPath.of("capacity").key(e.getKey()).child("requestPolicy"), "requestPolicy is only allowed on devices with allowMultipleAllocations");
      }
    }
    v.throwIfAny();
  }

  /** Builder for {@link Device}. */
  public static final class Builder extends ImmutableDevice.Builder {}
}
