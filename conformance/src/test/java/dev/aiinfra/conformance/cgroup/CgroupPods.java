package dev.aiinfra.conformance.cgroup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiinfra.sandbox.policy.cgroup.CgroupGenerators.PodResources;
import dev.aiinfra.sandbox.policy.cgroup.CgroupGenerators;
import java.util.Map;

/** Generated pods as manifests (plain maps written as JSON, which is YAML too). */
final class CgroupPods {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CgroupPods() {}

  static Map<String, Object> pod(String name, PodResources p) {
    return pod(name, p, null);
  }

  /** As above, with pod-level {@code spec.resources} when {@code podLevel} is not null. */
  static Map<String, Object> pod(String name, PodResources p, Map<String, Object> podLevel) {
    return CgroupGenerators.manifest(name, p, podLevel);
  }

  static String json(Object o) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
