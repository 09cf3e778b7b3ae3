package dev.aiinfra.sandbox.render.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.sandbox.model.hardening.EgressAllowList;
import dev.aiinfra.sandbox.model.hardening.EgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders an {@link EgressAllowList} as a {@code networking.k8s.io/v1} NetworkPolicy with
 * {@code policyTypes: [Egress]}: the selected pods may open connections only to the listed peers
 * (cluster DNS first, unless turned off). Ingress is not restricted by this policy.
 */
public final class EgressPolicyRenderer {
  private static final ObjectMapper JSON = Json.mapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private EgressPolicyRenderer() {}

  public static NetworkPolicy render(String name, String namespace, Map<String, String> podSelector, EgressAllowList allow) {
    ObjectNode np = F.objectNode().put("apiVersion", "networking.k8s.io/v1").put("kind", "NetworkPolicy");
    np.putObject("metadata").put("name", name).put("namespace", namespace);
    ObjectNode spec = np.putObject("spec");
    spec.putObject("podSelector").set("matchLabels", JSON.valueToTree(new TreeMap<>(podSelector)));
    spec.putArray("policyTypes").add("Egress");
    spec.set("egress", rules(allow));
    return JSON.convertValue(np, NetworkPolicy.class);
  }

  /** The {@code egress} rules alone, e.g. for a SandboxTemplate's {@code spec.networkPolicy.egress}. */
  public static ArrayNode rules(EgressAllowList allow) {
    ArrayNode out = F.arrayNode();
    for (EgressRule r : allow.rules()) {
      ObjectNode rule = out.addObject();
      ObjectNode peer = rule.putArray("to").addObject();
      if (r.cidr().isPresent()) {
        ObjectNode block = peer.putObject("ipBlock").put("cidr", r.cidr().get());
        if (!r.except().isEmpty()) {
          block.set("except", JSON.valueToTree(r.except()));
        }
      } else {
        if (!r.namespaceLabels().isEmpty() || r.anyNamespace()) {
          ObjectNode ns = peer.putObject("namespaceSelector");
          if (!r.namespaceLabels().isEmpty()) {
            ns.set("matchLabels", JSON.valueToTree(new TreeMap<>(r.namespaceLabels())));
          }
        }
        if (!r.podLabels().isEmpty()) {
          peer.putObject("podSelector").set("matchLabels", JSON.valueToTree(new TreeMap<>(r.podLabels())));
        }
      }
      if (!r.ports().isEmpty()) {
        ArrayNode ports = rule.putArray("ports");
        for (EgressRule.Port p : r.ports()) {
          ObjectNode pn = ports.addObject().put("protocol", p.protocol()).put("port", p.port());
          p.endPort().ifPresent(e -> pn.put("endPort", e));
        }
      }
    }
    return out;
  }
}
