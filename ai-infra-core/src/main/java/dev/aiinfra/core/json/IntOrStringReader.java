package dev.aiinfra.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.io.IOException;

/**
 * Binds an int-or-string field (probe and Service ports, {@code maxSurge}) the way the API server's
 * {@code IntOrString.UnmarshalJSON} does: a string, or an integer in int32 range, whatever number
 * node carries it. fabric8's own creator takes only an {@code Integer}, so a tree whose integers are
 * {@code BigInteger}s (the shared mapper's, and every CRD-backed object's maps) failed to bind
 * back: {@code dns tune} could not re-read a Pod with {@code httpGet.port: 8080}.
 */
final class IntOrStringReader extends JsonDeserializer<IntOrString> {
  @Override
  public IntOrString deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonNode n = p.readValueAsTree();
    if (n.isTextual()) {
      return new IntOrString(n.textValue());
    }
    if (n.isIntegralNumber() && n.canConvertToInt()) {
      return new IntOrString(n.intValue());
    }
    // The API server decodes any other value into an int32 and fails; say so without Java names.
    String value = n.isValueNode() ? n.asText() : n.isArray() ? "a list" : "an object";
    throw new InvalidFormatException(p, "an int-or-string must be a string or an integer from "
        + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE, value, Integer.class);
  }
}
