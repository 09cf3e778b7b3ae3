package dev.aiinfra.cli.cgroup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.sandbox.policy.cgroup.NodeReadiness;
import java.util.Map;

/**
 * The {@code cgroup node} JSON contract, in one place: {@code {"ready","diagnostics":[{"code","severity",
 * "message","hint"?}],"kubeletConfiguration":{"apiVersion","kind",…}}}, the configuration's fields in the
 * library's order.
 */
final class CgroupNodeJson {
  private CgroupNodeJson() {}

  static ObjectNode of(NodeReadiness.Result r) {
    ObjectNode json = JsonOut.object().put("ready", r.ready());
    ArrayNode diagnostics = json.putArray("diagnostics");
    r.diagnostics().forEach(d -> diagnostics.add(JsonOut.diagnostic(d)));
    json.set("kubeletConfiguration", kubeletConfiguration(r.kubeletConfiguration()));
    return json;
  }

  /** The KubeletConfiguration fragment alone (also printed as YAML in the text output). */
  static ObjectNode kubeletConfiguration(Map<String, Object> config) {
    ObjectNode n = JsonOut.object();
    config.forEach((k, v) -> {
      if (v instanceof Boolean b) {
        n.put(k, b);
      } else if (v instanceof Long l) {
        n.put(k, l);
      } else if (v instanceof Integer i) {
        n.put(k, i);
      } else {
        n.put(k, String.valueOf(v));
      }
    });
    return n;
  }
}
