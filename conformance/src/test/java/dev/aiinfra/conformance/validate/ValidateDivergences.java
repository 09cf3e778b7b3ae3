package dev.aiinfra.conformance.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.conformance.Divergence;
import dev.aiinfra.conformance.Outcome;
import java.util.List;
import java.util.function.Predicate;

/** The named differences between {@code ai-infra validate} and the API server, each with its predicate. */
final class ValidateDivergences {
  static final String QUANTITY_RULE = "quantities must match the regular expression";
  static final String UNNAMED = "metadata.name: Required value: name or generateName is required";

  private ValidateDivergences() {}

  static List<Divergence> all() {
    return List.of(
        new Divergence(
            "unnamed-object-is-input-error",
            "ai-infra's reader refuses an object with neither name nor generateName for every command (exit 2,"
                + " file and document named); the API server answers Required at metadata.name",
            "https://github.com/kubernetes/kubernetes/blob/v1.36.3/staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go",
            (c, ours, upstream) -> ours.exit() == 2
                && errorLines(ours).stream().allMatch(l -> l.contains(UNNAMED))
                && !errorLines(ours).isEmpty()
                && upstream.exit() == 1
                && anyViolation(upstream, v -> v.path("field").asText().equals("metadata.name")
                    && v.path("type").asText().equals("Required"))),
        new Divergence(
            "malformed-quantity-is-a-violation",
            "the API server refuses to decode an object with a malformed quantity (400, no field path, other"
                + " objects unchecked); ai-infra reports Invalid at the quantity's resources path and checks the rest",
            "https://github.com/kubernetes/apimachinery/blob/v0.36.3/pkg/api/resource/quantity.go",
            (c, ours, upstream) -> upstream.exit() == 2
                && upstream.stderr().contains(QUANTITY_RULE)
                && ours.exit() == 1
                && anyViolation(ours, v -> v.path("message").asText().contains(QUANTITY_RULE)
                    && v.path("field").asText().matches(".*\\.resources\\.(requests|limits)\\[[^\\]]+\\]"))));
  }

  private static List<String> errorLines(Outcome o) {
    return o.stderr().lines().filter(l -> l.startsWith("error:")).toList();
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
