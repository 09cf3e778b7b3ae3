package dev.aiinfra.sandbox.model.agent;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A {@code SandboxTemplate} ({@code extensions.agents.x-k8s.io}): the blueprint warm pools and claims
 * create sandboxes from. With {@code Managed} network policy the controller turns
 * {@link #egress()} into the template's NetworkPolicy ({@code spec.networkPolicy.egress}, plus
 * ingress from the sandbox router, see {@link #routerIngress()}); with
 * {@code Unmanaged} ai-infra renders that NetworkPolicy itself, selecting the template's pod labels.
 */
@Value.Immutable
public abstract class SandboxTemplateSpec implements SandboxBlueprint, WithSandboxTemplateSpec {
  /** {@code spec.networkPolicyManagement}. */
  public enum NetworkPolicyManagement {
    Managed,
    Unmanaged
  }

  /** {@code spec.envVarsInjectionPolicy} / {@code spec.volumeClaimTemplatesPolicy}: what claims may add. */
  public enum InjectionPolicy {
    Disallowed,
    Allowed,
    Overrides
  }

  public abstract Optional<NetworkPolicyManagement> networkPolicyManagement();

  /**
   * With a Managed egress allow-list the controller's NetworkPolicy restricts ingress too
   * ({@code policyTypes: [Ingress, Egress]}, ingress taken from {@code spec.networkPolicy.ingress}),
   * so an egress-only list would cut the sandbox off from everything. {@code true} (the default)
   * keeps ingress from the sandbox router (pods labelled {@code app: sandbox-router}), as the
   * controller's own secure default does; {@code false} leaves ingress denied.
   */
  @Value.Default
  public boolean routerIngress() {
    return true;
  }

  public abstract Optional<InjectionPolicy> envVarsInjectionPolicy();

  /** v1beta1 only. */
  public abstract Optional<InjectionPolicy> volumeClaimTemplatesPolicy();

  /** Whether the controller owns the sandbox NetworkPolicy (the CRD default). */
  public final boolean managedNetworkPolicy() {
    return networkPolicyManagement().orElse(NetworkPolicyManagement.Managed) == NetworkPolicyManagement.Managed;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    SandboxBlueprint.check(this, v);
    if (api() == AgentSandboxApi.V1ALPHA1 && volumeClaimTemplatesPolicy().isPresent()) {
      v.invalid(FieldPath.of("spec.volumeClaimTemplatesPolicy"), volumeClaimTemplatesPolicy().get(), "not in v1alpha1; use v1beta1");
    }
    if (egress().isPresent() && !managedNetworkPolicy() && pod().labels().isEmpty()) {
      v.required(FieldPath.of("spec.podTemplate.metadata.labels"),
          "an Unmanaged template with an egress allow-list needs pod labels for its NetworkPolicy to select");
    }
    if (egress().isPresent() && egress().get().rules().isEmpty() && managedNetworkPolicy()) {
      v.invalid(FieldPath.of("spec.networkPolicy.egress"), List.of(),
          "a Managed template with no egress rules gets the controller's default (public internet); allow cluster DNS or a destination, or use Unmanaged");
    }
    v.throwIfAny();
  }

  /** Builder for {@link SandboxTemplateSpec}. */
  public static final class Builder extends ImmutableSandboxTemplateSpec.Builder {}
}
