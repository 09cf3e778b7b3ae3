package dev.aiinfra.sandbox.model.agent;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.sandbox.model.hardening.EgressAllowList;
import dev.aiinfra.sandbox.model.hardening.Hardening;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A {@code Sandbox} ({@code agents.x-k8s.io}): one isolated, stateful pod with a stable name, an
 * optional headless Service, pause/resume and an expiry. The pod template is hardened with
 * {@link #hardening()} and runs under {@link #runtimeClassName()}; {@link #egress()} renders a
 * default-deny egress NetworkPolicy for the sandbox's pod.
 */
@Value.Immutable
public abstract class SandboxSpec implements WithSandboxSpec {
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

  /** {@code runtimeClassName} of the pod: {@code gvisor}, {@code kata-qemu-nvidia-gpu}, … */
  public abstract Optional<String> runtimeClassName();

  @Value.Default
  public Hardening hardening() {
    return Hardening.restricted();
  }

  /** {@code spec.service}: {@code true} creates a headless Service named after the sandbox. */
  public abstract Optional<Boolean> service();

  @Value.Default
  public OperatingMode operatingMode() {
    return OperatingMode.Running;
  }

  public abstract Optional<Instant> shutdownTime();

  public abstract Optional<ShutdownPolicy> shutdownPolicy();

  public abstract Optional<EgressAllowList> egress();

  /** {@code spec.volumeClaimTemplates}: persistent volumes kept across pause/resume. */
  public abstract java.util.List<SandboxVolumeClaim> volumeClaims();

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
    runtimeClassName().ifPresent(r -> v.checkName(FieldPath.of("spec.podTemplate.spec.runtimeClassName"), r, NameRules.dns1123Subdomain(r)));
    v.throwIfAny();
  }

  /** Builder for {@link SandboxSpec}. */
  public static final class Builder extends ImmutableSandboxSpec.Builder {}
}
