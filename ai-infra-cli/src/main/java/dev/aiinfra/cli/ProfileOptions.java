package dev.aiinfra.cli;

import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.FeatureGate;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The profile mixin: {@code --kubernetes-version} ({@link KubernetesVersionOptions}) and
 * {@code --feature-gates}, the target cluster's {@link ClusterProfile}, on every command whose answer
 * a gate changes (commands that only a version changes take {@link KubernetesVersionOptions}). The default
 * version is the library's {@link KubernetesVersion#DEFAULT}, supplied by {@link ProfileDefaults}
 * so that it is written in one place and shown in every command's help.
 */
public final class ProfileOptions {
  /** The option's name, for {@link ProfileDefaults}. */
  static final String KUBERNETES_VERSION = KubernetesVersionOptions.KUBERNETES_VERSION;

  @Mixin KubernetesVersionOptions version;

  @Option(names = "--feature-gates", paramLabel = "A=true,B=false",
      description = "Feature gates to change from the release defaults of --kubernetes-version. Default: none (the release defaults).")
  String featureGates;

  /** The version as given ({@code 1.36}, {@code v1.36.3}), or the default. */
  public String kubernetesVersion() {
    return version.kubernetesVersion();
  }

  /** The profile: a version ai-infra models (1.34 to 1.37) with the gates changed by {@code --feature-gates}. */
  public ClusterProfile profile() {
    ClusterProfile p = version.profile();
    return featureGates == null ? p : p.withFeatureGates(featureGates);
  }

  /**
   * The value {@code --feature-gates} sets for {@code gate}, if it names it: for commands that model
   * versions outside the profile range (cgroup), the gates are checked against the nearest modelled
   * release.
   */
  public Optional<Boolean> featureGate(FeatureGate gate, int minor) {
    if (featureGates == null) {
      return Optional.empty();
    }
    int clamped = Math.max(KubernetesVersion.OLDEST.minor(), Math.min(KubernetesVersion.NEWEST.minor(), minor));
    return Optional.ofNullable(ClusterProfile.of(KubernetesVersion.of(clamped)).withFeatureGates(featureGates).featureGateOverrides().get(gate));
  }
}
