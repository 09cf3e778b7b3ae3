package dev.aiinfra.conformance.cgroup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiinfra.sandbox.policy.cgroup.CgroupGenerators.PodResources;
import dev.aiinfra.sandbox.policy.cgroup.CgroupGenerators.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Generated pods as manifests (plain maps written as JSON, which is YAML too). */
final class CgroupPods {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CgroupPods() {}

  static Map<String, Object> pod(String name, PodResources p) {
    Map<String, Object> spec = new LinkedHashMap<>();
    if (!p.overhead().isEmpty()) {
      spec.put("overhead", new LinkedHashMap<>(p.overhead()));
    }
    if (!p.initContainers().isEmpty()) {
      spec.put("initContainers", containers(p.initContainers()));
    }
    spec.put("containers", containers(p.containers()));
    Map<String, Object> pod = new LinkedHashMap<>();
    pod.put("apiVersion", "v1");
    pod.put("kind", "Pod");
    pod.put("metadata", Map.of("name", name, "namespace", "default"));
    pod.put("spec", spec);
    return pod;
  }

  private static List<Object> containers(List<Resources> list) {
    List<Object> out = new ArrayList<>();
    for (Resources r : list) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("name", r.name());
      c.put("image", "registry.k8s.io/pause:3.10");
      if (r.sidecar()) {
        c.put("restartPolicy", "Always");
      }
      Map<String, Object> res = new LinkedHashMap<>();
      if (!r.requests().isEmpty()) {
        res.put("requests", new java.util.TreeMap<>(r.requests()));
      }
      if (!r.limits().isEmpty()) {
        res.put("limits", new java.util.TreeMap<>(r.limits()));
      }
      if (!res.isEmpty()) {
        c.put("resources", res);
      }
      out.add(c);
    }
    return out;
  }

  static String json(Object o) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
