package dev.aiinfra.cli;

import dev.aiinfra.core.model.profile.KubernetesVersion;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults that come from the library rather than from an annotation: {@code --kubernetes-version}
 * defaults to {@link KubernetesVersion#DEFAULT} on every command, and the help shows it.
 */
final class ProfileDefaults implements IDefaultValueProvider {
  @Override
  public String defaultValue(ArgSpec arg) {
    if (arg instanceof OptionSpec o && o.longestName().equals(ProfileOptions.KUBERNETES_VERSION)) {
      return KubernetesVersion.DEFAULT.toString();
    }
    return null;
  }
}
