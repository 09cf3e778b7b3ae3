package dev.aiinfra.core.render.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical form of an object tree: at every level {@code apiVersion}, {@code kind},
 * {@code metadata}, {@code name}, {@code namespace} come first, then every other key in code-point
 * order; nulls are dropped; list order is kept. Independent of how the object was built.
 */
public final class CanonicalTree {
  private static final List<String> LEADING = List.of("apiVersion", "kind", "metadata", "name", "namespace");
  public static final Comparator<String> KEY_ORDER =
      Comparator.<String>comparingInt(k -> LEADING.contains(k) ? LEADING.indexOf(k) : LEADING.size())
          .thenComparing(Comparator.naturalOrder());

  private CanonicalTree() {}

  public static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      keys.sort(KEY_ORDER);
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (String k : keys) {
        JsonNode v = node.get(k);
        if (v != null && !v.isNull() && !v.isMissingNode()) {
          out.set(k, canonical(v));
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode v : node) {
        out.add(v.isNull() ? v : canonical(v));
      }
      return out;
    }
    return node;
  }

  /** Plain Java values (maps keep canonical order) for the YAML emitter. */
  public static Object toPlain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        m.put(e.getKey(), toPlain(e.getValue()));
      }
      return m;
    }
    if (node.isArray()) {
      List<Object> l = new ArrayList<>();
      node.forEach(v -> l.add(toPlain(v)));
      return l;
    }
    if (node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      BigInteger v = node.bigIntegerValue();
      return v.bitLength() < 63 ? (Object) v.longValue() : v;
    }
    if (node.isNumber()) {
      BigDecimal d = node.decimalValue();
      return d;
    }
    return node.asText();
  }
}
