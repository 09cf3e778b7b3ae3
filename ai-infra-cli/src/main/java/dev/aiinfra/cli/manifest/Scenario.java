package dev.aiinfra.cli.manifest;

import dev.aiinfra.core.render.ManifestBundle;
import java.util.function.Supplier;

/** A built-in example: a name, one line on what it shows, and the bundle it renders. */
final class Scenario {
  private final String name;
  private final String description;
  private final Supplier<ManifestBundle> bundle;

  Scenario(String name, String description, Supplier<ManifestBundle> bundle) {
    this.name = name;
    this.description = description;
    this.bundle = bundle;
  }

  String name() {
    return name;
  }

  String description() {
    return description;
  }

  ManifestBundle bundle() {
    return bundle.get();
  }
}
