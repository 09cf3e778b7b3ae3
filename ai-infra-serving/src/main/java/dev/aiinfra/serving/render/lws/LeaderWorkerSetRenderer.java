package dev.aiinfra.serving.render.lws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.index.PodIndexKeys;
import dev.aiinfra.core.render.RawFields;
import dev.aiinfra.core.render.workload.PodTemplateRenderer;
import dev.aiinfra.serving.model.lws.LeaderWorkerSetSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a {@link LeaderWorkerSetSpec} as a {@code leaderworkerset.x-k8s.io/v1} LeaderWorkerSet.
 * Only what the spec sets is written (the webhook fills the rest), except the fields the serving
 * renderers rely on being explicit: size, restart policy and startup policy.
 */
public final class LeaderWorkerSetRenderer {
  public static final String API_VERSION = "leaderworkerset.x-k8s.io/v1";
  public static final String KIND = "LeaderWorkerSet";
  private static final ObjectMapper JSON = Json.mapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private LeaderWorkerSetRenderer() {}

  public static GenericKubernetesResource render(LeaderWorkerSetSpec lws) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(API_VERSION);
    r.setKind(KIND);
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(lws.name()).withNamespace(lws.namespace());
    if (!lws.labels().isEmpty()) {
      meta.withLabels(new TreeMap<>(lws.labels()));
    }
    Map<String, String> annotations = new TreeMap<>(lws.annotations());
    lws.exclusiveTopology().ifPresent(t -> annotations.put(PodIndexKeys.LWS_EXCLUSIVE_TOPOLOGY, t));
    lws.subGroupExclusiveTopology().ifPresent(t -> annotations.put(PodIndexKeys.LWS_SUBGROUP_EXCLUSIVE_TOPOLOGY, t));
    if (!annotations.isEmpty()) {
      meta.withAnnotations(annotations);
    }
    r.setMetadata(meta.build());
    r.setAdditionalProperty("spec", JSON.convertValue(spec(lws), Map.class));
    return (GenericKubernetesResource) RawFields.merge(r, lws.extraFields().isEmpty() ? Map.of() : Map.of("spec", lws.extraFields()));
  }

  /** The {@code spec} object alone, e.g. for templates embedded in DisaggregatedSet roles or llmaz Services. */
  public static ObjectNode spec(LeaderWorkerSetSpec lws) {
    ObjectNode spec = F.objectNode();
    spec.put("replicas", lws.replicas());
    spec.put("startupPolicy", lws.startupPolicy().name());
    spec.set("leaderWorkerTemplate", leaderWorkerTemplate(lws));
    lws.rollingUpdate().ifPresent(u -> {
      ObjectNode rs = spec.putObject("rolloutStrategy").put("type", "RollingUpdate");
      ObjectNode c = rs.putObject("rollingUpdateConfiguration");
      u.partition().ifPresent(p -> c.put("partition", p));
      u.maxUnavailable().ifPresent(m -> intOrString(c, "maxUnavailable", m));
      u.maxSurge().ifPresent(m -> intOrString(c, "maxSurge", m));
    });
    lws.subdomainPolicy().ifPresent(p -> spec.putObject("networkConfig").put("subdomainPolicy", p.name()));
    return spec;
  }

  /** {@code spec.leaderWorkerTemplate}. */
  public static ObjectNode leaderWorkerTemplate(LeaderWorkerSetSpec lws) {
    ObjectNode t = F.objectNode();
    lws.leaderTemplate().ifPresent(l -> t.set("leaderTemplate", PodTemplateRenderer.render(l)));
    t.set("workerTemplate", PodTemplateRenderer.render(lws.workerTemplate()));
    t.put("size", lws.size());
    t.put("restartPolicy", lws.restartPolicy().name());
    lws.subGroupPolicy().ifPresent(p -> t.putObject("subGroupPolicy").put("subGroupPolicyType", p.type().name()).put("subGroupSize", p.size()));
    return t;
  }

  private static void intOrString(ObjectNode n, String field, String value) {
    if (value.endsWith("%")) {
      n.put(field, value);
    } else {
      n.put(field, Integer.parseInt(value));
    }
  }
}
