package dev.aiinfra.cli;

import dev.aiinfra.core.render.ManifestFormat;
import picocli.CommandLine.Option;

/**
 * The output mixin of the commands that print Kubernetes objects rather than an answer
 * ({@code snapshot}, {@code serve render}): {@code -o yaml|json}, yaml by default, as
 * {@code kubectl} prints objects.
 */
public final class ManifestOutputOptions {
  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "yaml",
      description = "yaml or json: how the objects are written. Default: ${DEFAULT-VALUE}.")
  ManifestFormat format = ManifestFormat.YAML;

  public ManifestFormat format() {
    return format;
  }
}
