package dev.aiinfra.scheduling.render;

import dev.aiinfra.core.model.Diagnostic;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;

/** A rendered gang: the objects to apply (Workload, PodGroups), each pod group's pod wiring, and the profile's warnings. */
public final class RenderedGang {
  private final List<HasMetadata> objects;
  private final Map<String, PodWiring> wiring;
  private final List<Diagnostic> diagnostics;

  RenderedGang(List<HasMetadata> objects, Map<String, PodWiring> wiring, List<Diagnostic> diagnostics) {
    this.objects = List.copyOf(objects);
    this.wiring = Map.copyOf(wiring);
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<HasMetadata> objects() {
    return objects;
  }

  /** Pod wiring by pod group name. */
  public PodWiring wiring(String podGroup) {
    PodWiring w = wiring.get(podGroup);
    if (w == null) {
      throw new IllegalArgumentException("no pod group named " + podGroup + "; pod groups: " + wiring.keySet());
    }
    return w;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
