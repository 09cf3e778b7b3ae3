package dev.aiinfra.serving.render.deploy;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.render.ManifestBundle;
import java.util.List;

/** The objects of a serving deployment in apply order, and notes for whoever applies them. */
public final class ServingBundle {
  private final ManifestBundle manifests;
  private final List<Diagnostic> diagnostics;

  ServingBundle(ManifestBundle manifests, List<Diagnostic> diagnostics) {
    this.manifests = manifests;
    this.diagnostics = List.copyOf(diagnostics);
  }

  public ManifestBundle manifests() {
    return manifests;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
