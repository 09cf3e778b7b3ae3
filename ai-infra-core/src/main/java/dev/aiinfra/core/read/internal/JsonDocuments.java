package dev.aiinfra.core.read.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiinfra.core.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Reads concatenated JSON values into trees, one document per value and one per item of a
 * top-level array (as the manifest reader has always accepted them). Jackson's parser is linear;
 * each document's characters are counted as soon as it is read, and reading stops at the first
 * one over the limit. Integers that fit an int stay ints (fabric8's IntOrString needs them);
 * floats are BigDecimals, as the shared mapper reads them.
 */
public final class JsonDocuments {
  private static final ObjectMapper TREES = Json.manifests();

  private JsonDocuments() {}

  /** Whether the text is JSON rather than YAML: it starts with an object or an array. */
  public static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  public static List<JsonNode> read(String text, TreeLimits limits) {
    List<JsonNode> docs = new ArrayList<>();
    read(text, limits, docs::add);
    return docs;
  }

  /** Hands each document to {@code sink} as soon as it is read, in order; stops at the first problem. */
  public static void read(String text, TreeLimits limits, Consumer<JsonNode> sink) {
    int[] count = {0};
    try (JsonParser p = TREES.createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_ARRAY) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            add(p, count, limits, sink);
          }
        } else {
          add(p, count, limits, sink);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof TreeReadException r) {
        throw r;
      }
      String problem = e instanceof JsonProcessingException j ? JsonMessages.parseError(j) : JsonMessages.plain(e.getMessage());
      throw new TreeReadException(OptionalInt.of(count[0]), "", "invalid JSON: " + problem);
    }
  }

  private static void add(JsonParser p, int[] count, TreeLimits limits, Consumer<JsonNode> sink) throws IOException {
    long start = p.currentTokenLocation().getCharOffset();
    JsonNode node = TREES.readTree(p);
    long chars = p.currentLocation().getCharOffset() - start;
    if (chars > limits.maxDocumentChars()) {
      throw new TreeReadException(OptionalInt.of(count[0]), "",
          "the document is longer than the limit of " + limits.maxDocumentChars() + " characters");
    }
    if (count[0] >= limits.maxDocuments()) {
      throw new TreeReadException(OptionalInt.empty(), "", "more than " + limits.maxDocuments() + " documents");
    }
    count[0]++;
    sink.accept(node);
  }
}
