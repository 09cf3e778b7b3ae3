package dev.aiinfra.conformance.apiserver.render;

import dev.aiinfra.core.render.ManifestBundle;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One rendering the SDK produces, named for the report: which catalog it comes from, the
 * Kubernetes version it targets (empty: the renderer takes no profile), the objects, and whether
 * the API server is meant to refuse them (the validation example is a broken Pod on purpose).
 */
record RenderScenario(String name, Optional<Integer> minor, Supplier<ManifestBundle> objects, boolean meantToBeRefused) {

  static RenderScenario accepted(String name, Optional<Integer> minor, Supplier<ManifestBundle> objects) {
    return new RenderScenario(name, minor, objects, false);
  }

  @Override
  public String toString() {
    return name + minor.map(m -> " @1." + m).orElse("");
  }
}
