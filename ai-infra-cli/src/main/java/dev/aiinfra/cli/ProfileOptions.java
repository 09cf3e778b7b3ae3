package dev.aiinfra.cli;

import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import picocli.CommandLine.Option;

/** {@code --kubernetes-version} and {@code --feature-gates}: the target cluster's profile. */
public final class ProfileOptions {
  @Option(names = "--kubernetes-version", paramLabel = "VERSION", description = "Target Kubernetes version, 1.34 to 1.37 (default 1.36).")
  String version;

  @Option(names = "--feature-gates", paramLabel = "A=true,B=false", description = "Feature gates to override on top of the release defaults.")
  String featureGates;

  public ClusterProfile profile() {
    ClusterProfile p = version == null ? ClusterProfile.defaults() : ClusterProfile.of(KubernetesVersion.parse(version));
    return featureGates == null ? p : p.withFeatureGates(featureGates);
  }
}
