package dev.aiinfra.core.read.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.validation.Violations;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates a JSON tree against a structural OpenAPI v3 schema with the API server's rules. */
final class StructuralSchema {
  private StructuralSchema() {}

  static List<FieldViolation> validate(JsonNode schema, JsonNode object) {
    Violations v = new Violations();
    check(schema, object, FieldPath.root(), v, true);
    return v.list();
  }

  private static void check(JsonNode s, JsonNode value, FieldPath at, Violations v, boolean root) {
    if (value == null || value.isNull()) {
      return; // the writer never emits nulls; the API server treats a null as absent unless nullable
    }
    if (s.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (!value.isIntegralNumber() && !value.isTextual()) {
        v.invalid(at, value, "must be an integer or a string");
      }
      return;
    }
    String type = s.path("type").asText("");
    switch (type) {
      case "object":
        if (!value.isObject()) {
          v.invalid(at, shortText(value), "must be of type object");
          return;
        }
        checkObject(s, value, at, v, root);
        break;
      case "array":
        if (!value.isArray()) {
          v.invalid(at, shortText(value), "must be of type array");
          return;
        }
        checkArray(s, value, at, v);
        break;
      case "string":
        if (!value.isTextual()) {
          v.invalid(at, shortText(value), "must be of type string");
          return;
        }
        checkString(s, value.asText(), at, v);
        break;
      case "integer":
        if (!value.isIntegralNumber()) {
          v.invalid(at, shortText(value), "must be of type integer");
          return;
        }
        checkNumber(s, value, at, v);
        if ("int32".equals(s.path("format").asText()) && (value.asLong() > Integer.MAX_VALUE || value.asLong() < Integer.MIN_VALUE)) {
          v.invalid(at, value, "must fit in 32 bits");
        }
        break;
      case "number":
        if (!value.isNumber()) {
          v.invalid(at, shortText(value), "must be of type number");
          return;
        }
        checkNumber(s, value, at, v);
        break;
      case "boolean":
        if (!value.isBoolean()) {
          v.invalid(at, shortText(value), "must be of type boolean");
        }
        break;
      default:
        if (value.isObject() && s.has("properties")) {
          checkObject(s, value, at, v, root);
        }
    }
    JsonNode allowed = s.get("enum");
    if (allowed != null && allowed.isArray()) {
      boolean found = false;
      for (JsonNode e : allowed) {
        found |= e.equals(value);
      }
      if (!found) {
        v.notSupported(at, value.isTextual() ? value.asText() : value.toString(), toList(allowed));
      }
    }
  }

  private static void checkObject(JsonNode s, JsonNode value, FieldPath at, Violations v, boolean root) {
    JsonNode props = s.path("properties");
    JsonNode additional = s.get("additionalProperties");
    boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    boolean embedded = s.path("x-kubernetes-embedded-resource").asBoolean(false);
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String k = e.getKey();
      FieldPath child = at.child(k);
      if ((root || embedded) && (k.equals("apiVersion") || k.equals("kind") || k.equals("metadata")) && !props.has(k)) {
        continue;
      }
      if (root && k.equals("metadata")) {
        continue; // ObjectMeta is validated by the API server's own rules, not the CRD schema
      }
      if (props.has(k)) {
        check(props.get(k), e.getValue(), child, v, false);
      } else if (additional != null && additional.isObject()) {
        check(additional, e.getValue(), at.key(k), v, false);
      } else if (!preserve && !(additional != null && additional.asBoolean(false))) {
        v.add(FieldViolation.of(child, dev.aiinfra.core.model.FieldErrorType.NotSupported, k, "unknown field \"" + child + "\""));
      }
    }
    for (JsonNode r : s.path("required")) {
      if (!value.has(r.asText())) {
        v.required(at.child(r.asText()), "");
      }
    }
    if (s.has("maxProperties") && value.size() > s.get("maxProperties").asInt()) {
      v.tooMany(at, value.size(), s.get("maxProperties").asInt());
    }
    if (s.has("minProperties") && value.size() < s.get("minProperties").asInt()) {
      v.invalid(at, value.size(), "must have at least " + s.get("minProperties").asInt() + " properties");
    }
  }

  private static void checkArray(JsonNode s, JsonNode value, FieldPath at, Violations v) {
    if (s.has("maxItems") && value.size() > s.get("maxItems").asInt()) {
      v.tooMany(at, value.size(), s.get("maxItems").asInt());
    }
    if (s.has("minItems") && value.size() < s.get("minItems").asInt()) {
      v.invalid(at, value.size(), "must have at least " + s.get("minItems").asInt() + " items");
    }
    JsonNode items = s.get("items");
    for (int i = 0; i < value.size(); i++) {
      if (items != null) {
        check(items, value.get(i), at.index(i), v, false);
      }
    }
    String listType = s.path("x-kubernetes-list-type").asText("");
    if (listType.equals("set")) {
      Set<JsonNode> seen = new HashSet<>();
      for (int i = 0; i < value.size(); i++) {
        if (!seen.add(value.get(i))) {
          v.duplicate(at.index(i), value.get(i));
        }
      }
    } else if (listType.equals("map")) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < value.size(); i++) {
        StringBuilder key = new StringBuilder();
        for (JsonNode k : s.path("x-kubernetes-list-map-keys")) {
          key.append(value.get(i).path(k.asText()).asText()).append('\u0000');
        }
        if (!seen.add(key.toString())) {
          v.duplicate(at.index(i), key.toString().replace('\u0000', ' ').trim());
        }
      }
    }
  }

  private static void checkString(JsonNode s, String text, FieldPath at, Violations v) {
    if (s.has("maxLength") && text.length() > s.get("maxLength").asInt()) {
      v.tooLong(at, s.get("maxLength").asInt());
    }
    if (s.has("minLength") && text.length() < s.get("minLength").asInt()) {
      v.invalid(at, text, "must be at least " + s.get("minLength").asInt() + " characters");
    }
    if (s.has("pattern") && !Pattern.compile(s.get("pattern").asText()).matcher(text).find()) {
      v.invalid(at, text, "must match '" + s.get("pattern").asText() + "'");
    }
  }

  private static void checkNumber(JsonNode s, JsonNode value, FieldPath at, Violations v) {
    double d = value.asDouble();
    if (s.has("minimum")) {
      double min = s.get("minimum").asDouble();
      boolean exclusive = s.path("exclusiveMinimum").asBoolean(false);
      if (exclusive ? d <= min : d < min) {
        v.invalid(at, value, "must be greater than " + (exclusive ? "" : "or equal to ") + s.get("minimum"));
      }
    }
    if (s.has("maximum")) {
      double max = s.get("maximum").asDouble();
      boolean exclusive = s.path("exclusiveMaximum").asBoolean(false);
      if (exclusive ? d >= max : d > max) {
        v.invalid(at, value, "must be less than " + (exclusive ? "" : "or equal to ") + s.get("maximum"));
      }
    }
  }

  private static List<String> toList(JsonNode array) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String shortText(JsonNode n) {
    String t = n.toString();
    return t.length() > 60 ? t.substring(0, 57) + "..." : t;
  }
}
