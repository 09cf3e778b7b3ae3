package dev.aiinfra.cli.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.core.cluster.ApplyOutcome;
import dev.aiinfra.core.cluster.ApplyReport;

/** The {@code apply} JSON contract, in one place: {@code {"objects":[{"kind","namespace","name","result","reason"?}]}}. */
final class ApplyJson {
  private ApplyJson() {}

  static ObjectNode of(ApplyReport report) {
    ObjectNode json = JsonOut.object();
    ArrayNode items = json.putArray("objects");
    for (ApplyOutcome o : report.objects()) {
      ObjectNode n = items.addObject().put("kind", o.kind()).put("namespace", o.namespace()).put("name", o.name()).put("result", o.result().wire());
      o.reason().ifPresent(r -> n.put("reason", r));
    }
    return json;
  }
}
