package dev.aiinfra.conformance.cgroup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiinfra.sandbox.policy.cgroup.CgroupGenerators.PodResources;
import dev.aiinfra.sandbox.policy.cgroup.CgroupGenerators.Resources;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerAggregate;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.RestartPolicy;
import dev.aiinfra.testing.Gen;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Generated pods as manifests (plain maps written as JSON, which is YAML too). */
final class CgroupPods {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CgroupPods() {}

  static Map<String, Object> pod(String name, PodResources p) {
    return pod(name, p, null);
  }

  /** As above, with pod-level {@code spec.resources} when {@code podLevel} is not null. */
  static Map<String, Object> pod(String name, PodResources p, Map<String, Object> podLevel) {
    Map<String, Object> spec = new LinkedHashMap<>();
    if (podLevel != null) {
      spec.put("resources", podLevel);
    }
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

  /**
   * Pod-level resources (KEP-2837) the API server accepts for {@code p}: for CPU and memory each, a
   * request at least the containers' aggregate, a limit at least that and every container's limit,
   * or neither; now and then an empty {@code resources: {}}.
   */
  static Map<String, Object> podLevel(SplittableRandom r, PodResources p) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (r.nextDouble() < 0.1) {
      return out;
    }
    List<ContainerSpec> init = specs(p.initContainers());
    List<ContainerSpec> containers = specs(p.containers());
    ResourceList aggregate = ContainerAggregate.requests(init, containers);
    Map<String, String> requests = new TreeMap<>();
    Map<String, String> limits = new TreeMap<>();
    for (String res : List.of(ResourceList.CPU, ResourceList.MEMORY)) {
      Quantity extra = res.equals(ResourceList.CPU) ? Quantity.parse(Gen.oneOf("0", "100m", "1", "2500m").next(r))
          : Quantity.parse(Gen.oneOf("0", "64Mi", "1Gi", "1500M").next(r));
      Quantity request = (aggregate.has(res) ? aggregate.get(res) : Quantity.ZERO).plus(extra);
      Quantity limit = request;
      for (ContainerSpec c : containers) {
        if (c.limits().has(res)) {
          limit = limit.max(c.limits().get(res));
        }
      }
      limit = limit.plus(r.nextBoolean() ? Quantity.ZERO : extra);
      int mode = r.nextInt(4);
      if ((mode == 1 || mode == 3) && request.signum() > 0) {
        requests.put(res, request.toString());
      }
      if ((mode == 2 || mode == 3) && limit.signum() > 0) {
        limits.put(res, limit.toString());
      }
    }
    if (!requests.isEmpty()) {
      out.put("requests", requests);
    }
    if (!limits.isEmpty()) {
      out.put("limits", limits);
    }
    return out;
  }

  private static List<ContainerSpec> specs(List<Resources> list) {
    List<ContainerSpec> out = new ArrayList<>();
    for (Resources c : list) {
      ContainerSpec.Builder b = ContainerSpec.builder().name(c.name()).image("pause")
          .requests(ResourceList.parse(c.requests())).limits(ResourceList.parse(c.limits()));
      if (c.sidecar()) {
        b.restartPolicy(RestartPolicy.Always);
      }
      out.add(b.build());
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
