package dev.aiinfra.core.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One pod spec inside an object tree: its field path (e.g. {@code
 * spec.replicatedJobs[0].template.spec.template.spec}) and the mutable node holding it.
 */
public final class PodTemplateSite {
  private final String path;
  private final ObjectNode podSpec;

  PodTemplateSite(String path, ObjectNode podSpec) {
    this.path = Objects.requireNonNull(path);
    this.podSpec = Objects.requireNonNull(podSpec);
  }

  public String path() {
    return path;
  }

  /** The pod spec node; changes to it change the tree it came from. */
  public ObjectNode podSpec() {
    return podSpec;
  }
}
