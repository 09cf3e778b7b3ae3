package dev.aiinfra.conformance.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.conformance.Divergence;
import dev.aiinfra.conformance.Outcome;
import java.util.List;
import java.util.function.Predicate;

/** The named differences between {@code ai-infra validate} and the API server, each with its predicate. */
final class ValidateDivergences {
  static final String QUANTITY_RULE = "quantities must match the regular expression";
  static final String SUFFIX_RULE = "unable to parse quantity's suffix";

  private ValidateDivergences() {}

  static List<Divergence> all() {
    return List.of(
        new Divergence(
            "malformed-quantity-is-a-violation",
            "the API server refuses to decode an object with a malformed quantity (400, no field path, other"
                + " objects unchecked); ai-infra reports Invalid at the quantity's resources path and checks the rest",
            "https://github.com/kubernetes/apimachinery/blob/v0.36.3/pkg/api/resource/quantity.go",
            (c, ours, upstream) -> upstream.exit() == 2
                && (upstream.stderr().contains(QUANTITY_RULE) || upstream.stderr().contains(SUFFIX_RULE))
                && ours.exit() == 1
                && anyViolation(ours, v -> (v.path("message").asText().contains(QUANTITY_RULE) || v.path("message").asText().contains(SUFFIX_RULE))
                    && v.path("field").asText().matches(".*\\.resources\\.(requests|limits)\\[[^\\]]+\\]"))));
  }

  private static boolean anyViolation(Outcome o, Predicate<JsonNode> test) {
    for (JsonNode obj : o.json().path("objects")) {
      for (JsonNode v : obj.path("violations")) {
        if (test.test(v)) {
          return true;
        }
      }
    }
    return false;
  }
}
