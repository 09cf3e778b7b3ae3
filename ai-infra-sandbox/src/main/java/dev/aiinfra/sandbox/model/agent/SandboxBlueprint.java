package dev.aiinfra.sandbox.model.agent;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.sandbox.model.hardening.EgressAllowList;
import dev.aiinfra.sandbox.model.hardening.Hardening;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What Sandbox and SandboxTemplate share (upstream inlines a "SandboxBlueprint" in both): the
 * object's identity and API version, the pod template with its runtime class and hardening, the
 * headless Service switch, the egress allow-list and persistent volume claims.
 */
public interface SandboxBlueprint {
  String name();

  @Value.Default
  default String namespace() {
    return "default";
  }

  Map<String, String> labels();

  Map<String, String> annotations();

  @Value.Default
  default AgentSandboxApi api() {
    return AgentSandboxApi.V1BETA1;
  }

  PodTemplate pod();

  /** {@code runtimeClassName} of the pod: {@code gvisor}, {@code kata-qemu-nvidia-gpu}, … */
  Optional<String> runtimeClassName();

  @Value.Default
  default Hardening hardening() {
    return Hardening.restricted();
  }

  /** {@code spec.service}: {@code true} creates a headless Service named after the sandbox. */
  Optional<Boolean> service();

  Optional<EgressAllowList> egress();

  /** {@code spec.volumeClaimTemplates}: persistent volumes kept across pause/resume. */
  List<SandboxVolumeClaim> volumeClaims();

  /** The checks every blueprint needs: names, runtime class, unique claim names. */
  static void check(SandboxBlueprint b, Violations v) {
    v.checkName(FieldPath.of("metadata.name"), b.name(), NameRules.dns1123Subdomain(b.name()));
    v.checkName(FieldPath.of("metadata.namespace"), b.namespace(), NameRules.dns1123Label(b.namespace()));
    b.runtimeClassName().ifPresent(r -> v.checkName(FieldPath.of("spec.podTemplate.spec.runtimeClassName"), r, NameRules.dns1123Subdomain(r)));
    Set<String> claimNames = new HashSet<>();
    for (int i = 0; i < b.volumeClaims().size(); i++) {
      if (!claimNames.add(b.volumeClaims().get(i).name())) {
        v.duplicate(FieldPath.of("spec.volumeClaimTemplates").index(i).child("metadata.name"), b.volumeClaims().get(i).name());
      }
    }
  }
}
