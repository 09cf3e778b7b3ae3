package dev.aiinfra.observability.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.observability.model.rules.AlertRule;
import dev.aiinfra.observability.model.rules.RecordingRule;
import dev.aiinfra.observability.model.rules.Rule;
import dev.aiinfra.observability.model.rules.RuleGroup;
import java.util.List;
import java.util.TreeMap;

/**
 * The {@code groups:} list shared by a PrometheusRule's {@code spec} and a Prometheus rule file.
 * Only the fields Prometheus 2.42's strict parser knows (name, interval, rules; record/alert, expr,
 * for, keep_firing_for, labels, annotations), so the same groups pass {@code promtool check rules}.
 */
final class RuleGroupsWriter {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private RuleGroupsWriter() {}

  static ArrayNode groups(List<RuleGroup> groups) {
    ArrayNode a = F.arrayNode();
    for (RuleGroup g : groups) {
      ObjectNode n = a.addObject().put("name", g.name());
      g.interval().ifPresent(i -> n.put("interval", i));
      ArrayNode rules = n.putArray("rules");
      g.rules().forEach(r -> rules.add(rule(r)));
    }
    return a;
  }

  private static ObjectNode rule(Rule r) {
    ObjectNode n = F.objectNode();
    if (r instanceof AlertRule a) {
      n.put("alert", a.alert()).put("expr", a.expr());
      a.forDuration().ifPresent(d -> n.put("for", d));
      a.keepFiringFor().ifPresent(d -> n.put("keep_firing_for", d));
      map(n, "labels", a.labels());
      map(n, "annotations", a.annotations());
    } else if (r instanceof RecordingRule rr) {
      n.put("record", rr.record()).put("expr", rr.expr());
      map(n, "labels", rr.labels());
    }
    return n;
  }

  private static void map(ObjectNode n, String field, java.util.Map<String, String> m) {
    if (!m.isEmpty()) {
      ObjectNode o = n.putObject(field);
      new TreeMap<>(m).forEach(o::put);
    }
  }
}
