package dev.aiinfra.sandbox.model.runtime;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A {@code node.k8s.io/v1} RuntimeClass: the CRI handler, the pod overhead the scheduler and the
 * kubelet add to every pod that uses it (KEP-688), and the node selector that keeps such pods on
 * nodes where the handler is installed.
 */
@Value.Immutable
public abstract class RuntimeClassSpec implements WithRuntimeClassSpec {
  public abstract String name();

  public abstract String handler();

  /** {@code overhead.podFixed}. */
  @Value.Default
  public ResourceList overhead() {
    return ResourceList.empty();
  }

  /** {@code scheduling.nodeSelector}. */
  public abstract Map<String, String> nodeSelector();

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("metadata.name"), name(), NameRules.dns1123Subdomain(name()));
    v.checkName(FieldPath.of("handler"), handler(), NameRules.dns1123Label(handler()));
    v.throwIfAny();
  }

  /** Builder for {@link RuntimeClassSpec}. */
  public static final class Builder extends ImmutableRuntimeClassSpec.Builder {}
}
