package dev.aiinfra.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** What one side answered for a case: exit code, standard output (JSON for 0 and 1) and standard error. */
public record Outcome(int exit, String stdout, String stderr) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Standard output as JSON, or a missing node when it is not JSON (usage errors, exit 2 and 3). */
  public JsonNode json() {
    if (stdout == null || stdout.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return MAPPER.readTree(stdout);
    } catch (java.io.IOException e) {
      return MissingNode.getInstance();
    }
  }
}
