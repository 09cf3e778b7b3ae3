package dev.aiinfra.core.render.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.QuantityField;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodLevelResources;
import dev.aiinfra.core.model.workload.RestartPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The API server's rules on a pod spec's pod-level {@code resources} (KEP-2837,
 * {@code validatePodResources}): malformed quantities, names other than CPU, memory and hugepages,
 * requests above limits, pod-level requests below the containers' aggregate and container limits
 * above the pod's. A Pod is checked after its create-time defaults (container requests from limits,
 * then pod-level requests from the containers' aggregate or the limit), a template as written.
 * Container quantities themselves are {@link ContainerRules}' business; an unreadable one counts
 * as absent here.
 */
final class PodLevelResourceRules {
  private PodLevelResourceRules() {}

  static List<FieldViolation> podSpec(JsonNode spec, FieldPath at, boolean pod) {
    JsonNode resources = spec.path("resources");
    if (!resources.isObject()) {
      return List.of();
    }
    Violations v = new Violations();
    FieldPath here = at.child("resources");
    if (resources.has("claims")) {
      v.forbidden(here.child("claims"), "claims may not be set for Resources at pod-level");
    }
    ResourceList requests = quantities(resources.path("requests"), here.child("requests"), v);
    ResourceList limits = quantities(resources.path("limits"), here.child("limits"), v);
    if (!v.isEmpty()) {
      return v.list();
    }
    List<ContainerSpec> init = containers(spec.path("initContainers"));
    List<ContainerSpec> containers = containers(spec.path("containers"));
    PodLevelResources written = PodLevelResources.of(requests, limits);
    (pod ? written.defaulted(init, containers) : written).check(init, containers, pod, here, v);
    return v.list();
  }

  private static ResourceList quantities(JsonNode list, FieldPath at, Violations v) {
    TreeMap<String, Quantity> out = new TreeMap<>();
    if (list.isObject()) {
      list.fields().forEachRemaining(e -> QuantityField.resource(e.getValue().isNull() ? null : e.getValue().asText(), at.key(e.getKey()), v)
          .ifPresent(q -> out.put(e.getKey(), q)));
    }
    return ResourceList.of(out);
  }

  private static List<ContainerSpec> containers(JsonNode list) {
    List<ContainerSpec> out = new ArrayList<>();
    if (!list.isArray()) {
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      Violations ignored = new Violations();
      ContainerSpec.Builder b = ContainerSpec.builder().name("c" + i).image("image")
          .requests(quantities(c.path("resources").path("requests"), FieldPath.root(), ignored))
          .limits(quantities(c.path("resources").path("limits"), FieldPath.root(), ignored));
      if ("Always".equals(c.path("restartPolicy").asText())) {
        b.restartPolicy(RestartPolicy.Always);
      }
      out.add(b.build());
    }
    return out;
  }
}
