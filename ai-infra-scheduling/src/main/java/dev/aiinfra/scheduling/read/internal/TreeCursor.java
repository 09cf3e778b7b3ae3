package dev.aiinfra.scheduling.read.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.SourcedObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Typed access to one object's JSON tree that records every problem, with the object's file,
 * document and field path, instead of stopping at the first: a wrong type, a missing required
 * field, an unsupported enum value, an unknown field (the API server's strict field validation,
 * which kubectl asks for by default). Accessors return a usable stand-in after recording a problem
 * so that reading goes on and finds the rest.
 */
public final class TreeCursor {
  private final SourcedObject source;
  private final List<InputError> errors;

  public TreeCursor(SourcedObject source, List<InputError> errors) {
    this.source = source;
    this.errors = errors;
  }

  public void error(String path, String rule) {
    errors.add(source.error(path, rule));
  }

  /** Records an unknown field for every key of {@code node} not in {@code known}. */
  public void onlyKnown(JsonNode node, String path, Set<String> known) {
    if (node == null || !node.isObject()) {
      return;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!known.contains(k)) {
        error(join(path, k), "Unsupported value: unknown field \"" + k + "\"; known fields: "
            + known.stream().sorted().collect(Collectors.joining(", ")));
      }
    }
  }

  /** The object at {@code path}, or an empty object when absent (or after recording a wrong type). */
  public JsonNode object(JsonNode node, String path) {
    if (absent(node)) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    if (!node.isObject()) {
      error(path, "Invalid value: must be an object");
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    return node;
  }

  /** The items of the list at {@code path}; empty when absent. */
  public List<JsonNode> list(JsonNode node, String path) {
    if (absent(node)) {
      return List.of();
    }
    if (!node.isArray()) {
      error(path, "Invalid value: must be a list");
      return List.of();
    }
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return items;
  }

  public Optional<String> text(JsonNode node, String path) {
    if (absent(node)) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      error(path, "Invalid value: \"" + node.asText() + "\": must be a string");
      return Optional.empty();
    }
    return Optional.of(node.asText());
  }

  /** A required string; records {@code Required value} when absent or empty. */
  public String requiredText(JsonNode node, String path) {
    Optional<String> t = text(node, path);
    if (absent(node) || t.isPresent() && t.get().isEmpty()) {
      error(path, "Required value");
    }
    return t.orElse("");
  }

  /** A string-to-string map ({@code nodeLabels}, {@code matchLabels}), in input order. */
  public Map<String, String> textMap(JsonNode node, String path) {
    Map<String, String> map = new LinkedHashMap<>();
    JsonNode o = object(node, path);
    o.fields().forEachRemaining(e -> text(e.getValue(), path + "[" + e.getKey() + "]").ifPresent(v -> map.put(e.getKey(), v)));
    return map;
  }

  public List<String> textList(JsonNode node, String path) {
    List<String> out = new ArrayList<>();
    List<JsonNode> items = list(node, path);
    for (int i = 0; i < items.size(); i++) {
      text(items.get(i), path + "[" + i + "]").ifPresent(out::add);
    }
    return out;
  }

  /** A quantity written as a string or a number, read as the API server reads it. */
  public Optional<Quantity> quantity(JsonNode node, String path) {
    if (absent(node)) {
      return Optional.empty();
    }
    if (!node.isTextual() && !node.isNumber()) {
      error(path, "Invalid value: must be a quantity (a string such as \"8\" or \"512Gi\", or a number)");
      return Optional.empty();
    }
    try {
      return Optional.of(Quantity.parse(node.asText()));
    } catch (InvalidSpecException e) {
      error(path, "Invalid value: \"" + node.asText() + "\": " + e.violations().get(0).detail());
      return Optional.empty();
    }
  }

  /** A 32-bit integer. */
  public Optional<Integer> int32(JsonNode node, String path) {
    if (absent(node)) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      error(path, "Invalid value: \"" + node.asText() + "\": must be a 32-bit integer");
      return Optional.empty();
    }
    return Optional.of(node.intValue());
  }

  /** An enum constant spelled as in the API; records {@code Unsupported value} with the choices otherwise. */
  public <E extends Enum<E>> Optional<E> enumValue(JsonNode node, String path, Class<E> type, List<E> allowed) {
    Optional<String> t = text(node, path);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    for (E e : allowed) {
      if (e.name().equals(t.get())) {
        return Optional.of(e);
      }
    }
    error(path, "Unsupported value: \"" + t.get() + "\": supported values: "
        + allowed.stream().map(e -> "\"" + e.name() + "\"").collect(Collectors.joining(", ")));
    return Optional.empty();
  }

  public <E extends Enum<E>> Optional<E> enumValue(JsonNode node, String path, Class<E> type) {
    return enumValue(node, path, type, Arrays.asList(type.getEnumConstants()));
  }

  public static String join(String path, String child) {
    return path.isEmpty() ? child : path + "." + child;
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull();
  }
}
