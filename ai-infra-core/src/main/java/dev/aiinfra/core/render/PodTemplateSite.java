package dev.aiinfra.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One pod spec inside an object tree: its field path (e.g. {@code
 * spec.replicatedJobs[0].template.spec.template.spec}) and the mutable node holding it.
 */
public final class PodTemplateSite {
  private final String path;
  private final ObjectNode podSpec;
  private final JsonNode podMetadata;

  PodTemplateSite(String path, ObjectNode podSpec, JsonNode podMetadata) {
    this.path = Objects.requireNonNull(path);
    this.podSpec = Objects.requireNonNull(podSpec);
    this.podMetadata = podMetadata == null ? MissingNode.getInstance() : podMetadata;
  }

  public String path() {
    return path;
  }

  /**
   * The metadata next to the pod spec (the template's, or the Pod's own); a missing node when there
   * is none. Pod Security reads its annotations.
   */
  public JsonNode podMetadata() {
    return podMetadata;
  }

  /** The pod spec node; changes to it change the tree it came from. */
  public ObjectNode podSpec() {
    return podSpec;
  }
}
