package dev.aiinfra.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.render.internal.FabricKinds;
import dev.aiinfra.core.json.Json;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

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

  /**
   * The tree itself when it has a {@code metadata.name}, else a copy named {@code unnamed}: rules
   * that read objects the way a command does need a name, and {@code validate}, which reads
   * unnamed objects, reports the missing name on its own.
   */
  public static ObjectNode named(ObjectNode tree) {
    if (!tree.path("metadata").path("name").asText("").isEmpty()) {
      return tree;
    }
    ObjectNode copy = tree.deepCopy();
    JsonNode meta = copy.path("metadata");
    (meta.isObject() ? (ObjectNode) meta : copy.putObject("metadata")).put("name", "unnamed");
    return copy;
  }

  /**
   * The object a tree stands for, typed as the manifest reader types it: the fabric8 class
   * registered for its apiVersion and kind, else a {@code GenericKubernetesResource}.
   */
  public static HasMetadata object(ObjectNode tree) throws JsonProcessingException {
    Class<? extends HasMetadata> type = FabricKinds.get().type(tree.path("apiVersion").asText(), tree.path("kind").asText())
        .orElse(GenericKubernetesResource.class);
    return bind(tree, type);
  }
}
