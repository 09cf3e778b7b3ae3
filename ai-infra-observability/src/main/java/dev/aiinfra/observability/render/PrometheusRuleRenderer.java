package dev.aiinfra.observability.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.observability.model.rules.RuleSet;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a {@link RuleSet} as a Prometheus Operator {@code PrometheusRule}
 * (monitoring.coreos.com/v1), whose {@code spec.groups} the operator writes to a rule file for
 * Prometheus. The groups are those of {@link RuleFileRenderer}, so what promtool checks is what the
 * cluster runs.
 */
public final class PrometheusRuleRenderer {
  private PrometheusRuleRenderer() {}

  public static GenericKubernetesResource render(RuleSet rules) {
    ObjectNode spec = JsonNodeFactory.instance.objectNode();
    spec.set("groups", RuleGroupsWriter.groups(rules.groups()));
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(MonitorRenderer.API_VERSION);
    r.setKind("PrometheusRule");
    r.setMetadata(new ObjectMetaBuilder().withName(rules.name()).withNamespace(rules.namespace())
        .withLabels(rules.labels().isEmpty() ? null : new TreeMap<>(rules.labels())).build());
    r.setAdditionalProperty("spec", Json.mapper().convertValue(spec, Map.class));
    return r;
  }
}
