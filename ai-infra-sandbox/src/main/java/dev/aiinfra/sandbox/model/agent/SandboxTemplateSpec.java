package dev.aiinfra.sandbox.model.agent;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.sandbox.model.hardening.EgressAllowList;
import dev.aiinfra.sandbox.model.hardening.Hardening;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A {@code SandboxTemplate} ({@code extensions.agents.x-k8s.io}): the blueprint warm pools and claims
 * create sandboxes from. With {@code Managed} network policy the controller turns
 * {@link #egress()} into the sandbox NetworkPolicy ({@code spec.networkPolicy.egress}); with
 * {@code Unmanaged} ai-infra renders that NetworkPolicy itself, selecting the template's pod labels.
 */
@Value.Immutable
public abstract class SandboxTemplateSpec implements WithSandboxTemplateSpec {
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

  public abstract String name();

  @Value.Default
  public String namespace() {
    return "default";
  }

  public abstract Map<String, String> labels();

  public abstract Map<String, String> annotations();

  @Value.Default
  public AgentSandboxApi api() {
    return AgentSandboxApi.V1BETA1;
  }

  public abstract PodTemplate pod();

  public abstract Optional<String> runtimeClassName();

  @Value.Default
  public Hardening hardening() {
    return Hardening.restricted();
  }

  public abstract Optional<Boolean> service();

  public abstract Optional<EgressAllowList> egress();

  /** {@code spec.volumeClaimTemplates}: persistent volumes kept across pause/resume. */
  public abstract java.util.List<SandboxVolumeClaim> volumeClaims();

  public abstract Optional<NetworkPolicyManagement> networkPolicyManagement();

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
    v.checkName(FieldPath.of("metadata.name"), name(), NameRules.dns1123Subdomain(name()));
    v.checkName(FieldPath.of("metadata.namespace"), namespace(), NameRules.dns1123Label(namespace()));
    java.util.Set<String> claimNames = new java.util.HashSet<>();
    for (int i = 0; i < volumeClaims().size(); i++) {
      if (!claimNames.add(volumeClaims().get(i).name())) {
        v.duplicate(FieldPath.of("spec.volumeClaimTemplates").index(i).child("metadata.name"), volumeClaims().get(i).name());
      }
    }
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
