package dev.aiinfra.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.core.render.internal.Json;

/**
 * Binds a JSON tree of a Kubernetes object (or a part of one, such as a pod template) back to its
 * fabric8 type with the render layer's mapper, so that a tree made from any input binds: an
 * int-or-string port written as {@code 8080} binds whether the tree holds it as an {@code int} or,
 * as in a CRD-backed object's maps, as a {@code BigInteger}.
 */
public final class ObjectTrees {
  private ObjectTrees() {}

  /** The tree as {@code type}; a tree that does not fit the type throws the mapper's exception. */
  public static <T> T bind(JsonNode tree, Class<T> type) throws JsonProcessingException {
    return Json.mapper().treeToValue(tree, type);
  }
}
