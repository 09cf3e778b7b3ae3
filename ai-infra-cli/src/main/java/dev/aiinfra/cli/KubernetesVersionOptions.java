package dev.aiinfra.cli;

import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import picocli.CommandLine.Option;

/**
 * The profile mixin without feature gates: {@code --kubernetes-version} alone, for commands whose
 * answer the version changes but no feature gate does ({@code pss check}: the Pod Security policy
 * version follows the minor; {@code cgroup node}: {@code failCgroupV1} and the runtime minimums
 * follow it). {@link ProfileOptions} adds {@code --feature-gates} to it where a gate matters.
 */
public final class KubernetesVersionOptions {
  /** The option's name, for {@link ProfileDefaults}. */
  static final String KUBERNETES_VERSION = "--kubernetes-version";

  @Option(names = KUBERNETES_VERSION, paramLabel = "VERSION",
      description = "The target cluster's Kubernetes version (1.34 to 1.37; the cgroup commands take any 1.N): feature-gate"
          + " defaults, API versions, cgroup rules and the default Pod Security version follow it. Default: ${DEFAULT-VALUE}.")
  String version;

  /** The version as given ({@code 1.36}, {@code v1.36.3}), or the default. */
  public String kubernetesVersion() {
    return version == null ? KubernetesVersion.DEFAULT.toString() : version;
  }

  /** The profile of a version ai-infra models (1.34 to 1.37), with the release's gate defaults. */
  public ClusterProfile profile() {
    return ClusterProfile.of(KubernetesVersion.parse(kubernetesVersion()));
  }
}
