package dev.aiinfra.serving.render.deploy;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.render.ManifestBundle;
import java.util.List;

/** The objects of a serving deployment in apply order, and notes for whoever applies them. */
public record ServingBundle(ManifestBundle manifests, List<Diagnostic> diagnostics) {
  public ServingBundle {
    diagnostics = List.copyOf(diagnostics);
  }
}
