package dev.aiinfra.sandbox.model.agent;

import dev.aiinfra.core.model.validation.Violations;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A {@code Sandbox} ({@code agents.x-k8s.io}): one isolated, stateful pod with a stable name, an
 * optional headless Service, pause/resume and an expiry. The pod template is hardened with
 * {@link #hardening()} and runs under {@link #runtimeClassName()}; {@link #egress()} renders a
 * default-deny egress NetworkPolicy for the sandbox's pod.
 */
@Value.Immutable
public abstract class SandboxSpec implements SandboxBlueprint, WithSandboxSpec {
  /** {@code spec.operatingMode} (v1beta1); v1alpha1 renders it as {@code replicas} 1 or 0. */
  public enum OperatingMode {
    Running,
    Suspended
  }

  /** {@code spec.shutdownPolicy}: what happens to the Sandbox object when {@code shutdownTime} passes. */
  public enum ShutdownPolicy {
    Retain,
    Delete
  }

  @Value.Default
  public OperatingMode operatingMode() {
    return OperatingMode.Running;
  }

  public abstract Optional<Instant> shutdownTime();

  public abstract Optional<ShutdownPolicy> shutdownPolicy();

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    SandboxBlueprint.check(this, v);
    v.throwIfAny();
  }

  /** Builder for {@link SandboxSpec}. */
  public static final class Builder extends ImmutableSandboxSpec.Builder {}
}
