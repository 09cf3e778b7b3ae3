package dev.aiinfra.scheduling.render;

import dev.aiinfra.core.model.Diagnostic;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** One rendered object and what the renderer has to say about it for the target cluster. */
public final class RenderedObject {
  private final HasMetadata object;
  private final List<Diagnostic> diagnostics;

  RenderedObject(HasMetadata object, List<Diagnostic> diagnostics) {
    this.object = object;
    this.diagnostics = List.copyOf(diagnostics);
  }

  public HasMetadata object() {
    return object;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** True when no diagnostic is an error. */
  public boolean acceptable() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }
}
