package dev.aiinfra.cli.dra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.cli.output.JsonOut;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.dra.model.DeviceResult;
import dev.aiinfra.dra.policy.AllocationOutcome;
import dev.aiinfra.dra.policy.ClaimAllocation;
import dev.aiinfra.dra.policy.NodeSearch;
import dev.aiinfra.dra.render.DraManifests;
import java.util.Optional;

/**
 * The {@code dra allocate} JSON contract, in one place: {@code {"satisfiable","node","claims":[{"name",
 * "namespace","results":[{"request","driver","pool","device","adminAccess"?,"shareID"?,"consumedCapacity"?}],
 * "nodeSelector"?}],"feasibleNodes","error"?:{"kind","message"},"reasons":[{"code","message"}]}}.
 */
final class DraAllocateJson {
  private DraAllocateJson() {}

  /** {@code askedNode} is {@code --node}: the {@code node} field names it when nothing was allocated. */
  static ObjectNode of(NodeSearch search, Optional<String> askedNode) {
    Optional<AllocationOutcome> chosen = search.chosen();
    ObjectNode root = JsonOut.object().put("satisfiable", search.satisfiable());
    Optional<String> node = chosen.map(AllocationOutcome::node).or(() -> askedNode);
    if (node.isPresent()) {
      root.put("node", node.get());
    } else {
      root.putNull("node");
    }
    ArrayNode claims = root.putArray("claims");
    chosen.ifPresent(c -> c.claims().forEach(ca -> claims.add(claim(ca))));
    root.set("feasibleNodes", JsonOut.strings(search.feasibleNodes()));
    search.fatal().ifPresent(f ->
        root.putObject("error").put("kind", "fatal").put("message", "node " + f.node() + ": " + f.error().orElse("")));
    ArrayNode reasons = root.putArray("reasons");
    for (Diagnostic d : search.searchReasons()) {
      reasons.addObject().put("code", d.code()).put("message", d.message());
    }
    for (AllocationOutcome o : search.unsatisfied()) {
      for (Diagnostic d : o.reasons()) {
        reasons.addObject().put("code", d.code()).put("message", "node " + o.node() + ": " + d.message());
      }
    }
    return root;
  }

  private static ObjectNode claim(ClaimAllocation ca) {
    ObjectNode cn = JsonOut.object().put("name", ca.claim().name()).put("namespace", ca.claim().namespace());
    ArrayNode results = cn.putArray("results");
    for (DeviceResult r : ca.allocation().results()) {
      ObjectNode rn = results.addObject().put("request", r.request()).put("driver", r.driver()).put("pool", r.pool()).put("device", r.device());
      if (r.adminAccess()) {
        rn.put("adminAccess", true);
      }
      r.shareId().ifPresent(s -> rn.put("shareID", s));
      if (!r.consumedCapacity().isEmpty()) {
        ObjectNode cc = rn.putObject("consumedCapacity");
        r.consumedCapacity().forEach((k, v) -> cc.put(k, v.toString()));
      }
    }
    ca.allocation().nodeSelector().ifPresent(t -> cn.set("nodeSelector", MapperHolder.MAPPER.valueToTree(DraManifests.nodeSelector(t))));
    return cn;
  }

  // Built on first use, not when picocli instantiates every command at start-up.
  private static final class MapperHolder {
    static final ObjectMapper MAPPER = Json.mapper();
  }
}
