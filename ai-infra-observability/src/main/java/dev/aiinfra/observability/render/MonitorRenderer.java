package dev.aiinfra.observability.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.observability.model.monitor.MonitorKind;
import dev.aiinfra.observability.model.monitor.MonitorSpec;
import dev.aiinfra.observability.model.monitor.Relabeling;
import dev.aiinfra.observability.model.monitor.ScrapeEndpoint;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a {@link MonitorSpec} as a Prometheus Operator {@code PodMonitor} ({@code
 * spec.podMetricsEndpoints}) or {@code ServiceMonitor} ({@code spec.endpoints}),
 * monitoring.coreos.com/v1, the schema of prometheus-operator v0.93.0. Maps are written sorted so
 * the same spec always gives the same bytes.
 */
public final class MonitorRenderer {
  static final String API_VERSION = "monitoring.coreos.com/v1";
  private static final ObjectMapper JSON = Json.mapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private MonitorRenderer() {}

  public static GenericKubernetesResource render(MonitorSpec m) {
    ObjectNode spec = F.objectNode();
    m.jobLabel().ifPresent(j -> spec.put("jobLabel", j));
    if (!m.podTargetLabels().isEmpty()) {
      m.podTargetLabels().forEach(spec.putArray("podTargetLabels")::add);
    }
    if (!m.namespaces().isEmpty()) {
      m.namespaces().forEach(spec.putObject("namespaceSelector").putArray("matchNames")::add);
    }
    putMap(spec.putObject("selector").putObject("matchLabels"), m.selector());
    ArrayNode endpoints = spec.putArray(m.kind() == MonitorKind.POD_MONITOR ? "podMetricsEndpoints" : "endpoints");
    m.endpoints().forEach(e -> endpoints.add(endpoint(e)));
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(API_VERSION);
    r.setKind(m.kind().kind());
    r.setMetadata(new ObjectMetaBuilder().withName(m.name()).withNamespace(m.namespace()).withLabels(m.labels().isEmpty() ? null : new TreeMap<>(m.labels()))
        .build());
    r.setAdditionalProperty("spec", JSON.convertValue(spec, Map.class));
    return r;
  }

  private static ObjectNode endpoint(ScrapeEndpoint e) {
    ObjectNode n = F.objectNode().put("port", e.port()).put("path", e.path());
    e.scheme().ifPresent(s -> n.put("scheme", s));
    e.interval().ifPresent(s -> n.put("interval", s));
    e.scrapeTimeout().ifPresent(s -> n.put("scrapeTimeout", s));
    if (e.honorLabels()) {
      n.put("honorLabels", true);
    }
    relabelings(n, "relabelings", e.relabelings());
    relabelings(n, "metricRelabelings", e.metricRelabelings());
    return n;
  }

  private static void relabelings(ObjectNode parent, String field, List<Relabeling> rs) {
    if (rs.isEmpty()) {
      return;
    }
    ArrayNode a = parent.putArray(field);
    for (Relabeling r : rs) {
      ObjectNode n = a.addObject();
      if (!r.sourceLabels().isEmpty()) {
        r.sourceLabels().forEach(n.putArray("sourceLabels")::add);
      }
      if (!r.separator().equals(";")) {
        n.put("separator", r.separator());
      }
      r.targetLabel().ifPresent(t -> n.put("targetLabel", t));
      if (!r.regex().equals(Relabeling.ANY)) {
        n.put("regex", r.regex());
      }
      if (!r.replacement().equals("$1")) {
        n.put("replacement", r.replacement());
      }
      n.put("action", r.action().wire());
    }
  }

  private static void putMap(ObjectNode n, Map<String, String> m) {
    new TreeMap<>(m).forEach(n::put);
  }
}
