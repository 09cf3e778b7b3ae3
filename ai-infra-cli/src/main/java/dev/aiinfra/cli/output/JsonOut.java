package dev.aiinfra.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.render.ManifestWriter;
import java.io.PrintWriter;
import java.util.Collection;

/** Builds and prints the command's JSON results. Field names are the public contract. */
public final class JsonOut {
  private JsonOut() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  public static ArrayNode strings(Collection<String> values) {
    ArrayNode a = array();
    values.forEach(a::add);
    return a;
  }

  /** {@code {"code","severity","message","hint"?}}. */
  public static ObjectNode diagnostic(Diagnostic d) {
    ObjectNode n = object().put("code", d.code()).put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT)).put("message", d.message());
    d.hint().ifPresent(h -> n.put("hint", h));
    return n;
  }

  /** {@code {"field","type","message"}}. */
  public static ObjectNode violation(FieldViolation v) {
    return object().put("field", v.field()).put("type", v.type().name()).put("message", v.message());
  }

  /** Pretty JSON with a trailing newline; fields in insertion order. */
  public static void print(PrintWriter out, JsonNode node) {
    out.print(ManifestWriter.prettyJson(node));
    out.flush();
  }

  /** The same tree as YAML. */
  public static void printYaml(PrintWriter out, JsonNode node) {
    out.print(ManifestWriter.yamlOf(node));
    out.flush();
  }
}
