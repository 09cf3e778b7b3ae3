package dev.aiinfra.conformance.cgroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.Case;
import dev.aiinfra.conformance.Outcome;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.sandbox.policy.cgroup.CgroupGenerators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code cgroup qos} against the kubelet 1.36.3 QoS container manager (constructed with a recording
 * cgroup manager, started and updated as the kubelet does) and the node-allocatable cgroup config:
 * 1–6 pods of every QoS class (init containers, sidecars, overhead) in one or two files.
 */
public final class CgroupQosArea implements Area {
  @Override
  public String name() {
    return "CGROUP-QOS";
  }

  @Override
  public Case generate(long caseSeed, String id) {
    SplittableRandom r = new SplittableRandom(caseSeed);
    int n = 1 + r.nextInt(6);
    boolean two = n > 1 && r.nextBoolean();
    List<Object> first = new ArrayList<>();
    List<Object> second = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Object pod = CgroupPods.pod("p" + i, CgroupGenerators.pod().next(r));
      (two && i % 2 == 1 ? second : first).add(pod);
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("pods.yaml", CgroupPods.json(Map.of("apiVersion", "v1", "kind", "List", "items", first)));
    List<String> args = new ArrayList<>(List.of("cgroup", "qos", "-f", "pods.yaml"));
    if (two) {
      files.put("more.yaml", CgroupPods.json(Map.of("apiVersion", "v1", "kind", "List", "items", second)));
      args.addAll(List.of("-f", "more.yaml"));
    }
    args.addAll(List.of("-o", "json"));
    String alloc = "cpu=" + CgroupGenerators.allocatableCpu().next(r);
    if (r.nextBoolean()) {
      alloc = r.nextBoolean() ? alloc + ",memory=" + CgroupGenerators.memory().next(r) : "memory=" + CgroupGenerators.memory().next(r) + "," + alloc;
    }
    if (r.nextDouble() < 0.03) {
      alloc = Gen.oneOf("memory=8Gi", "cpu=four", "cpu").next(r);
    }
    args.addAll(List.of("--node-allocatable", alloc));
    return new Case(id, caseSeed, args, files);
  }

  @Override
  public JsonNode project(Case c, Outcome o) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("exit", o.exit());
    if (o.exit() == 0) {
      n.set("result", o.json());
    }
    return n;
  }
}
