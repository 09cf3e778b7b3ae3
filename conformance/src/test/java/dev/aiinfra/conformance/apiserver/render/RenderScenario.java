package dev.aiinfra.conformance.apiserver.render;

import dev.aiinfra.core.render.ManifestBundle;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One rendering the SDK produces, named for the report: which catalog it comes from, the
 * Kubernetes version it targets (empty: the renderer takes no profile), the objects, whether the
 * API server is meant to refuse them (the validation example is a broken Pod on purpose), and the
 * one kind of warning the scenario asks for on purpose (a deprecated API version chosen
 * explicitly), if any.
 */
record RenderScenario(String name, Optional<Integer> minor, Supplier<ManifestBundle> objects, boolean meantToBeRefused,
    Optional<Pattern> wantedWarning) {

  static RenderScenario accepted(String name, Optional<Integer> minor, Supplier<ManifestBundle> objects) {
    return new RenderScenario(name, minor, objects, false, Optional.empty());
  }

  boolean wanted(String warning) {
    return wantedWarning.map(p -> p.matcher(warning).find()).orElse(false);
  }

  @Override
  public String toString() {
    return name + minor.map(m -> " @1." + m).orElse("");
  }
}
