package dev.aiinfra.scheduling.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a pod needs to join a rendered gang: labels, annotations, the scheduler name, and pod-spec
 * fields ({@code schedulingGroup} on 1.36+, {@code workloadRef} on 1.35). Applied to any pod
 * template tree ({@code {metadata, spec}}) without touching anything else.
 */
public record PodWiring(Map<String, String> labels, Map<String, String> annotations, Optional<String> schedulerName, Map<String, JsonNode> specFields) {
  /** Keys in sorted order, so that the wiring is applied the same way every time. */
  public PodWiring {
    labels = new TreeMap<>(labels);
    annotations = new TreeMap<>(annotations);
    specFields = new TreeMap<>(specFields);
  }

  /**
   * Adds the wiring to a pod template tree, creating {@code metadata} and {@code spec} only when
   * something goes in them (an empty {@code metadata: {}} would be noise in the rendered YAML).
   */
  public void applyTo(ObjectNode template) {
    if (!labels.isEmpty() || !annotations.isEmpty()) {
      ObjectNode meta = template.with("metadata");
      labels.forEach((k, v) -> meta.with("labels").put(k, v));
      annotations.forEach((k, v) -> meta.with("annotations").put(k, v));
    }
    if (schedulerName.isPresent() || !specFields.isEmpty()) {
      ObjectNode spec = template.with("spec");
      schedulerName.ifPresent(s -> spec.put("schedulerName", s));
      specFields.forEach((k, v) -> spec.set(k, v.deepCopy()));
    }
  }
}
