package dev.aiinfra.core.render.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerRestartRule;
import dev.aiinfra.core.model.workload.ContainerClaim;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodResourceClaim;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.render.RawFields;
import java.util.List;

/**
 * Renders a {@link PodTemplate} as a pod template tree ({@code {metadata, spec}}) in the API's
 * field names; extra fields are deep-merged and conflicts reported with their paths.
 */
public final class PodTemplateRenderer {
  private static final ObjectMapper JSON = Json.mapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PodTemplateRenderer() {}

  public static ObjectNode render(PodTemplate t) {
    ObjectNode out = F.objectNode();
    if (!t.labels().isEmpty() || !t.annotations().isEmpty()) {
      ObjectNode meta = out.putObject("metadata");
      if (!t.labels().isEmpty()) {
        meta.set("labels", JSON.valueToTree(t.labels()));
      }
      if (!t.annotations().isEmpty()) {
        meta.set("annotations", JSON.valueToTree(t.annotations()));
      }
    }
    ObjectNode spec = out.putObject("spec");
    t.restartPolicy().ifPresent(p -> spec.put("restartPolicy", p.name()));
    t.schedulerName().ifPresent(s -> spec.put("schedulerName", s));
    t.priorityClassName().ifPresent(s -> spec.put("priorityClassName", s));
    if (!t.nodeSelector().isEmpty()) {
      spec.set("nodeSelector", JSON.valueToTree(t.nodeSelector()));
    }
    if (!t.tolerations().isEmpty()) {
      ArrayNode tol = spec.putArray("tolerations");
      for (Toleration x : t.tolerations()) {
        ObjectNode n = tol.addObject();
        if (!x.key().isEmpty()) {
          n.put("key", x.key());
        }
        n.put("operator", x.operator().name());
        if (!x.value().isEmpty()) {
          n.put("value", x.value());
        }
        x.effect().ifPresent(e -> n.put("effect", e.name()));
      }
    }
    if (!t.resourceClaims().isEmpty()) {
      ArrayNode claims = spec.putArray("resourceClaims");
      for (PodResourceClaim rc : t.resourceClaims()) {
        ObjectNode n = claims.addObject().put("name", rc.name());
        rc.resourceClaimName().ifPresent(x -> n.put("resourceClaimName", x));
        rc.resourceClaimTemplateName().ifPresent(x -> n.put("resourceClaimTemplateName", x));
      }
    }
    t.resources().filter(r -> !r.requests().isEmpty() || !r.limits().isEmpty()).ifPresent(r -> {
      ObjectNode n = spec.putObject("resources");
      if (!r.requests().isEmpty()) {
        n.set("requests", quantities(r.requests()));
      }
      if (!r.limits().isEmpty()) {
        n.set("limits", quantities(r.limits()));
      }
    });
    if (!t.initContainers().isEmpty()) {
      ArrayNode a = spec.putArray("initContainers");
      t.initContainers().forEach(c -> a.add(container(c)));
    }
    ArrayNode containers = spec.putArray("containers");
    t.containers().forEach(c -> containers.add(container(c)));
    List<FieldViolation> conflicts = RawFields.mergeTree(spec, JSON.valueToTree(t.extraFields()), FieldPath.of("spec"));
    if (!conflicts.isEmpty()) {
      throw new InvalidSpecException(conflicts);
    }
    return out;
  }

  static ObjectNode container(ContainerSpec c) {
    ObjectNode n = F.objectNode().put("name", c.name()).put("image", c.image());
    if (!c.command().isEmpty()) {
      n.set("command", JSON.valueToTree(c.command()));
    }
    if (!c.args().isEmpty()) {
      n.set("args", JSON.valueToTree(c.args()));
    }
    if (!c.env().isEmpty()) {
      ArrayNode env = n.putArray("env");
      c.env().forEach((k, v) -> env.addObject().put("name", k).put("value", v));
    }
    if (!c.requests().isEmpty() || !c.limits().isEmpty() || !c.claims().isEmpty()) {
      ObjectNode r = n.putObject("resources");
      if (!c.claims().isEmpty()) {
        ArrayNode claims = r.putArray("claims");
        for (ContainerClaim cc : c.claims()) {
          ObjectNode cn = claims.addObject().put("name", cc.name());
          cc.request().ifPresent(x -> cn.put("request", x));
        }
      }
      if (!c.requests().isEmpty()) {
        r.set("requests", quantities(c.requests()));
      }
      if (!c.limits().isEmpty()) {
        r.set("limits", quantities(c.limits()));
      }
    }
    c.restartPolicy().ifPresent(p -> n.put("restartPolicy", p.name()));
    if (!c.restartPolicyRules().isEmpty()) {
      ArrayNode rules = n.putArray("restartPolicyRules");
      for (ContainerRestartRule rule : c.restartPolicyRules()) {
        ObjectNode rn = rules.addObject().put("action", rule.action().name());
        ObjectNode codes = rn.putObject("exitCodes").put("operator", rule.operator().name());
        ArrayNode values = codes.putArray("values");
        rule.values().forEach(values::add);
      }
    }
    List<FieldViolation> conflicts = RawFields.mergeTree(n, JSON.valueToTree(c.extraFields()), FieldPath.of("containers[" + c.name() + "]"));
    if (!conflicts.isEmpty()) {
      throw new InvalidSpecException(conflicts);
    }
    return n;
  }

  private static ObjectNode quantities(ResourceList list) {
    ObjectNode n = F.objectNode();
    list.asMap().forEach((k, q) -> n.put(k, q.toString()));
    return n;
  }

}
