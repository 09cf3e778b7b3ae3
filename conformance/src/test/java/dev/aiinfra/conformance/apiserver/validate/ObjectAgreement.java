package dev.aiinfra.conformance.apiserver.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.conformance.Outcome;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How {@code ai-infra validate}'s answer on one object compares with the API server's dry-run
 * create: the same verdict with the same set of (field path, error type), a named divergence, or
 * a disagreement.
 */
enum ObjectAgreement {
  AGREE,
  /** The server refuses to decode a malformed quantity (400, no field path); validate reports Invalid at the quantity. */
  MALFORMED_QUANTITY_IS_A_VIOLATION,
  /**
   * The server answers 404 for a namespace that cannot exist (NamespaceLifecycle admission runs
   * before validation); validate reports Invalid at {@code metadata.namespace}.
   */
  INVALID_NAMESPACE_IS_NOT_FOUND,
  DISAGREE;

  static final String QUANTITY_RULE = "quantities must match the regular expression";
  static final String SUFFIX_RULE = "unable to parse quantity's suffix";

  /** The divergence's name as docs/conformance.md and the summary line spell it. */
  String divergenceName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** {@code namespace}: where the object was sent (its own, or {@code default}). */
  static ObjectAgreement of(Outcome ours, DryRunCreate.Answer server, String namespace) {
    if (ours.exit() > 1) {
      return DISAGREE;
    }
    JsonNode object = ours.json().path("objects").path(0);
    boolean oursValid = ours.exit() == 0 && object.path("valid").asBoolean(false);
    Set<String> oursViolations = violations(object);
    if (server.accepted()) {
      return oursValid && oursViolations.isEmpty() ? AGREE : DISAGREE;
    }
    if (server.invalid()) {
      return !oursValid && oursViolations.equals(server.violations()) ? AGREE : DISAGREE;
    }
    if (server.status() == 400 && (server.message().contains(QUANTITY_RULE) || server.message().contains(SUFFIX_RULE))
        && quantityViolation(object).isPresent()) {
      return MALFORMED_QUANTITY_IS_A_VIOLATION;
    }
    if (server.status() == 404 && server.message().equals("namespaces \"" + namespace + "\" not found")
        && oursViolations.contains("metadata.namespace Invalid")) {
      return INVALID_NAMESPACE_IS_NOT_FOUND;
    }
    return DISAGREE;
  }

  static Set<String> violations(JsonNode object) {
    Set<String> out = new TreeSet<>();
    for (JsonNode v : object.path("violations")) {
      out.add(v.path("field").asText() + " " + v.path("type").asText());
    }
    return out;
  }

  private static Optional<JsonNode> quantityViolation(JsonNode object) {
    for (JsonNode v : object.path("violations")) {
      String message = v.path("message").asText();
      if (v.path("type").asText().equals("Invalid") && (message.contains(QUANTITY_RULE) || message.contains(SUFFIX_RULE))) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
