package dev.aiinfra.cli.pss;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.policy.pss.PodSecurityViolation;
import dev.aiinfra.sandbox.read.InputReview;
import dev.aiinfra.sandbox.render.pss.ObjectReview;

/**
 * The {@code pss check} JSON contract, in one place:
 * {@code {"objects":[{"kind","namespace","name","baseline":{"allowed","violations":[{"check","message"}]},"restricted":{…}}]}}.
 */
final class PssCheckJson {
  private PssCheckJson() {}

  static ObjectNode of(InputReview review) {
    ObjectNode json = JsonOut.object();
    ArrayNode objects = json.putArray("objects");
    for (ObjectReview r : review.reviews()) {
      ObjectNode o = objects.addObject().put("kind", r.kind()).put("namespace", r.namespace()).put("name", r.name());
      verdict(o.putObject("baseline"), r, PodSecurityLevel.BASELINE);
      verdict(o.putObject("restricted"), r, PodSecurityLevel.RESTRICTED);
    }
    return json;
  }

  private static void verdict(ObjectNode node, ObjectReview r, PodSecurityLevel level) {
    node.put("allowed", r.allowed(level));
    ArrayNode violations = node.putArray("violations");
    for (PodSecurityViolation v : r.violations(level)) {
      violations.addObject().put("check", v.check()).put("message", v.message());
    }
  }
}
