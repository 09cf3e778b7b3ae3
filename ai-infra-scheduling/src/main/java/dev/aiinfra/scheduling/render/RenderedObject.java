package dev.aiinfra.scheduling.render;

import dev.aiinfra.core.model.Diagnostic;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** One rendered object and what the renderer has to say about it for the target cluster. */
public record RenderedObject(HasMetadata object, List<Diagnostic> diagnostics) {
  public RenderedObject {
    diagnostics = List.copyOf(diagnostics);
  }

  /** True when no diagnostic is an error. */
  public boolean acceptable() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }
}
