package dev.aiinfra.sandbox.model.agent;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A {@code SandboxWarmPool} ({@code extensions.agents.x-k8s.io}): ready sandboxes from one template,
 * kept at {@link #replicas()} so claims start without a cold start. Size it with
 * {@code WarmPoolSizing}.
 */
@Value.Immutable
public abstract class SandboxWarmPoolSpec implements WithSandboxWarmPoolSpec {
  /** {@code spec.updateStrategy.type}: when pooled sandboxes pick up a changed template. */
  public enum UpdateStrategy {
    OnReplenish,
    Recreate
  }

  public abstract String name();

  @Value.Default
  public String namespace() {
    return "default";
  }

  @Value.Default
  public AgentSandboxApi api() {
    return AgentSandboxApi.V1BETA1;
  }

  /** {@code spec.sandboxTemplateRef.name}. */
  public abstract String templateName();

  /** {@code spec.replicas}; always rendered (v1alpha1 requires it). */
  @Value.Default
  public int replicas() {
    return 1;
  }

  public abstract Optional<UpdateStrategy> updateStrategy();

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("metadata.name"), name(), NameRules.dns1123Subdomain(name()));
    v.checkName(FieldPath.of("metadata.namespace"), namespace(), NameRules.dns1123Label(namespace()));
    v.checkName(FieldPath.of("spec.sandboxTemplateRef.name"), templateName(), NameRules.dns1123Subdomain(templateName()));
    if (replicas() < 0) {
      v.invalid(FieldPath.of("spec.replicas"), replicas(), "must be greater than or equal to 0");
    }
    v.throwIfAny();
  }

  /** Builder for {@link SandboxWarmPoolSpec}. */
  public static final class Builder extends ImmutableSandboxWarmPoolSpec.Builder {}
}
