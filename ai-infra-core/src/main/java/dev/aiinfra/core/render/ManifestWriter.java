package dev.aiinfra.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.render.internal.CanonicalTree;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.render.internal.YamlEmitter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes Kubernetes objects as byte-identical YAML or JSON: the canonical key order of {@link
 * #canonical(HasMetadata)}, no nulls, no empty collections the builder left unset, minimal quoting,
 * LF line ends, and nothing machine- or time-dependent.
 */
public final class ManifestWriter {
  private ManifestWriter() {}

  /** The object as a canonical JSON tree: {@code apiVersion, kind, metadata} first, then sorted keys. */
  public static JsonNode canonical(HasMetadata object) {
    return CanonicalTree.canonical(Json.mapper().valueToTree(object));
  }

  public static String write(List<? extends HasMetadata> objects, ManifestFormat format) {
    return format == ManifestFormat.YAML ? yaml(objects) : json(objects);
  }

  public static String yaml(List<? extends HasMetadata> objects) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < objects.size(); i++) {
      if (i > 0) {
        out.append("---\n");
      }
      YamlEmitter.dump(canonical(objects.get(i)), out);
    }
    return out.toString();
  }

  public static String yaml(HasMetadata object) {
    return yaml(List.of(object));
  }

  /** Pretty-printed JSON; several objects become a {@code v1 List}. */
  public static String json(List<? extends HasMetadata> objects) {
    JsonNode root;
    if (objects.size() == 1) {
      root = canonical(objects.get(0));
    } else {
      ObjectNode list = JsonNodeFactory.instance.objectNode();
      list.put("apiVersion", "v1");
      list.put("kind", "List");
      ArrayNode items = list.putArray("items");
      objects.forEach(o -> items.add(canonical(o)));
      root = list;
    }
    return prettyJson(root);
  }

  /** Indented JSON for any tree (two spaces, LF, trailing newline). */
  public static String prettyJson(JsonNode root) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root).replace("\r\n", "\n")
          + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** YAML for any plain tree of maps, lists and scalars, in canonical key order. */
  public static String yamlOf(JsonNode tree) {
    StringBuilder out = new StringBuilder();
    YamlEmitter.dump(CanonicalTree.canonical(tree), out);
    return out.toString();
  }
}
