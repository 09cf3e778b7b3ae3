package dev.aiinfra.sandbox.render.agent;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.render.ManifestBundle;
import java.util.List;

/** Rendered Agent Sandbox objects in apply order, with what the hardening preset skipped or kept. */
public record RenderedSandbox(ManifestBundle manifests, List<Diagnostic> diagnostics) {
  public RenderedSandbox {
    diagnostics = List.copyOf(diagnostics);
  }
}
