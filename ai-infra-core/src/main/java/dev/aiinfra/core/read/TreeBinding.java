package dev.aiinfra.core.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.read.internal.JsonMessages;
import dev.aiinfra.core.render.ObjectTrees;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Binding a JSON tree (a whole object, a pod template, a toleration) to its fabric8 type, with a
 * problem reported the way the API server reports a decoding error: at the field's path, with the
 * value and the type it must have ({@code spec.containers[0].args[0]: Invalid value: must be a
 * string}), never Jackson's message with Java class names and reference chains.
 */
public final class TreeBinding {
  private TreeBinding() {}

  /**
   * {@code tree} as {@code type}; a tree that does not fit throws {@link InvalidSpecException} with
   * one violation at {@code at} plus the path inside the tree.
   */
  public static <T> T bind(JsonNode tree, Class<T> type, FieldPath at) {
    try {
      return ObjectTrees.bind(tree, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String inner = field(e);
      FieldPath path = inner.isEmpty() ? at : at.isRoot() ? FieldPath.of(inner) : inner.startsWith("[") ? FieldPath.of(at + inner) : at.child(inner);
      throw new InvalidSpecException(List.of(FieldViolation.ofMessage(path, rule(e, tree))));
    }
  }

  static String field(Exception e) {
    Throwable t = e;
    while (t != null && !(t instanceof JsonMappingException)) {
      t = t.getCause();
    }
    if (t == null) {
      return "";
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : ((JsonMappingException) t).getPath()) {
      if (r.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** The rule broken there, as the API server words a decoding error. */
  static String rule(Exception e, JsonNode doc) {
    Throwable t = e;
    while (t != null && !(t instanceof MismatchedInputException)) {
      t = t.getCause();
    }
    if (t instanceof MismatchedInputException m) {
      String expected = expectedType(m.getTargetType());
      if (m instanceof InvalidFormatException f) {
        return "Invalid value: \"" + f.getValue() + "\": must be " + expected;
      }
      // a refused coercion names the text it refused: Cannot coerce String value ("0") to ...
      java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("String value \\(\"(.*?)\"\\)").matcher(
          String.valueOf(m.getOriginalMessage()));
      if (quoted.find()) {
        return "Invalid value: \"" + quoted.group(1) + "\": must be " + expected;
      }
      return "Invalid value: must be " + expected;
    }
    JsonNode value = valueAt(e, doc);
    if (value == null || !value.isValueNode() || value.isNull()) {
      return "Invalid value: " + JsonMessages.bindingError(e);
    }
    String reason = JsonMessages.bindingError(e);
    if (value.isTextual() && reason.toLowerCase(java.util.Locale.ROOT).contains("quantity")) {
      // fabric8's Quantity says only "Invalid quantity string format passed": give the API server's reason
      try {
        dev.aiinfra.core.model.quantity.Quantity.parse(value.asText());
      } catch (dev.aiinfra.core.model.InvalidSpecException q) {
        reason = q.violations().get(0).detail();
      }
    }
    return "Invalid value: \"" + value.asText() + "\": " + reason;
  }

  /** The document's value at the binding error's path, or {@code null} where the path leaves it. */
  private static JsonNode valueAt(Exception e, JsonNode doc) {
    Throwable t = e;
    while (t != null && !(t instanceof JsonMappingException)) {
      t = t.getCause();
    }
    if (t == null) {
      return null;
    }
    JsonNode n = doc;
    for (JsonMappingException.Reference r : ((JsonMappingException) t).getPath()) {
      if (n == null) {
        return null;
      }
      n = r.getFieldName() != null ? n.get(r.getFieldName()) : r.getIndex() >= 0 ? n.get(r.getIndex()) : null;
    }
    return n;
  }

  private static String expectedType(Class<?> type) {
    if (type == null) {
      return "a value of the right type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean (true or false)";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == Double.class || type == double.class || type == Float.class) {
      return "a number";
    }
    if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
      return "an object";
    }
    return "a " + type.getSimpleName();
  }}
