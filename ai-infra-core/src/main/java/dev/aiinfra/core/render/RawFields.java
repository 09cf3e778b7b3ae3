package dev.aiinfra.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.core.json.Json;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

/**
 * Extra raw fields for anything a typed builder does not model: they are deep-merged into the
 * rendered object and reach the output unchanged. Maps merge key by key; a scalar or list that the
 * typed builder already set to a different value is a conflict, and every conflict is reported
 * (Forbidden, with its field path) instead of one side silently winning.
 */
public final class RawFields {
  /**
   * Scalars compared by value: a number the typed builder wrote as an int node and the same number
   * from the shared mapper (a {@code BigInteger} node) are the same value, not a conflict.
   */
  private static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.equals(b)
      || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;

  private RawFields() {}

  /** A copy of {@code object} with {@code extra} merged in; {@code object} itself is not changed. */
  @SuppressWarnings("unchecked")
  public static <T extends HasMetadata> T merge(T object, Map<String, ?> extra) {
    if (extra.isEmpty()) {
      return object;
    }
    ObjectNode tree = Json.mapper().valueToTree(object);
    JsonNode patch = Json.mapper().valueToTree(extra);
    Violations v = new Violations();
    v.addAll(mergeTree(tree, patch, FieldPath.root()));
    v.throwIfAny();
    try {
      return (T) Json.mapper().treeToValue(tree, object.getClass());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("extra fields do not fit " + object.getKind() + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Deep-merges {@code patch} into {@code target} (changed in place) and returns every conflict, each
   * a Forbidden violation under {@code at}.
   */
  public static java.util.List<dev.aiinfra.core.model.FieldViolation> mergeTree(ObjectNode target, JsonNode patch, FieldPath at) {
    Violations v = new Violations();
    mergeInto(target, patch, at, v);
    return v.list();
  }

  private static void mergeInto(ObjectNode target, JsonNode patch, FieldPath at, Violations v) {
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      FieldPath path = at.child(e.getKey());
      JsonNode existing = target.get(e.getKey());
      JsonNode value = e.getValue();
      if (existing == null || existing.isNull()) {
        target.set(e.getKey(), value.deepCopy());
      } else if (existing.isObject() && value.isObject()) {
        mergeInto((ObjectNode) existing, value, path, v);
      } else if (!existing.equals(BY_VALUE, value)) {
        v.forbidden(
            path,
            "extra field conflicts with the typed value " + existing + " (extra value " + value
                + "); set it through the builder or remove it from the extra fields");
      }
    }
  }
}
