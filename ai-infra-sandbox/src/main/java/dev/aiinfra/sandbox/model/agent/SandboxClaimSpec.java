package dev.aiinfra.sandbox.model.agent;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.core.model.validation.Violations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A {@code SandboxClaim} ({@code extensions.agents.x-k8s.io}): a request for a sandbox. In v1beta1 a
 * claim names a warm pool ({@code warmPoolRef}), whose template is used for a cold start when the
 * pool is empty; in v1alpha1 it names the template and a {@code warmpool} ({@code none},
 * {@code default} or a pool name). Injected env or volume claim templates force a cold start.
 */
@Value.Immutable
public abstract class SandboxClaimSpec implements WithSandboxClaimSpec {
  /** {@code spec.lifecycle.shutdownPolicy}. */
  public enum ShutdownPolicy {
    Delete,
    DeleteForeground,
    Retain
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

  /** v1beta1 {@code spec.warmPoolRef.name} (required there). */
  public abstract Optional<String> warmPoolName();

  /** v1alpha1 {@code spec.sandboxTemplateRef.name} (required there). */
  public abstract Optional<String> templateName();

  /** v1alpha1 {@code spec.warmpool}: {@code none}, {@code default} or a pool name. */
  public abstract Optional<String> warmpool();

  public abstract Optional<Instant> shutdownTime();

  public abstract Optional<Integer> ttlSecondsAfterFinished();

  public abstract Optional<ShutdownPolicy> shutdownPolicy();

  /** {@code spec.additionalPodMetadata.labels}. */
  public abstract Map<String, String> podLabels();

  /** {@code spec.additionalPodMetadata.annotations}. */
  public abstract Map<String, String> podAnnotations();

  public abstract List<ClaimEnv> env();

  public static Builder builder() {
    return new Builder();
  }

  /** Annotation domains the controller refuses on claims, except cluster-autoscaler's safe-to-evict. */
  static boolean restrictedAnnotation(String key) {
    if (key.equals("cluster-autoscaler.kubernetes.io/safe-to-evict")) {
      return false;
    }
    int slash = key.indexOf('/');
    String domain = slash < 0 ? "" : key.substring(0, slash);
    return domain.equals("kubernetes.io") || domain.endsWith(".kubernetes.io") || domain.equals("k8s.io") || domain.endsWith(".k8s.io");
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    v.checkName(FieldPath.of("metadata.name"), name(), NameRules.dns1123Subdomain(name()));
    v.checkName(FieldPath.of("metadata.namespace"), namespace(), NameRules.dns1123Label(namespace()));
    if (api() == AgentSandboxApi.V1BETA1) {
      if (warmPoolName().isEmpty()) {
        v.required(FieldPath.of("spec.warmPoolRef.name"), "v1beta1 claims name a warm pool; its template is used for cold starts");
      }
      templateName().ifPresent(t -> v.invalid(FieldPath.of("spec.sandboxTemplateRef"), t, "not in v1beta1; the template comes from the warm pool"));
      warmpool().ifPresent(w -> v.invalid(FieldPath.of("spec.warmpool"), w, "not in v1beta1; use warmPoolRef"));
    } else {
      if (templateName().isEmpty()) {
        v.required(FieldPath.of("spec.sandboxTemplateRef.name"), "v1alpha1 claims name their template");
      }
      warmPoolName().ifPresent(w -> v.invalid(FieldPath.of("spec.warmPoolRef"), w, "not in v1alpha1; use warmpool"));
    }
    ttlSecondsAfterFinished().filter(t -> t < 0).ifPresent(t -> v.invalid(FieldPath.of("spec.lifecycle.ttlSecondsAfterFinished"), t, "must be >= 0"));
    for (String key : podAnnotations().keySet()) {
      if (restrictedAnnotation(key)) {
        v.invalid(FieldPath.of("spec.additionalPodMetadata.annotations").key(key), key, "annotations in the kubernetes.io and k8s.io domains are rejected");
      }
    }
    for (int i = 0; i < env().size(); i++) {
      v.checkName(FieldPath.of("spec.env").index(i).child("name"), env().get(i).name(), NameRules.cIdentifier(env().get(i).name()));
    }
    v.throwIfAny();
  }

  /** Builder for {@link SandboxClaimSpec}. */
  public static final class Builder extends ImmutableSandboxClaimSpec.Builder {}
}
