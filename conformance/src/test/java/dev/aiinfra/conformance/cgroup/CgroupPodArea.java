package dev.aiinfra.conformance.cgroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.Case;
import dev.aiinfra.conformance.Outcome;
import dev.aiinfra.sandbox.model.cgroup.CgroupSettings;
import dev.aiinfra.core.model.profile.MemoryReservationPolicy;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.sandbox.policy.cgroup.CgroupGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * {@code cgroup pod} against the kubelet 1.36.3 ({@code ResourceConfigForPod}, the cgroup v2
 * manager's {@code toResources}, kuberuntime's {@code generateLinuxContainerResources}) and
 * opencontainers/cgroups (weight mapping, the fs2 manager writing the files). Versions compared:
 * 1.36 with every flag; 1.27–1.35 without Memory QoS (the SDK's rules there equal 1.36's); 1.37
 * (also the default) only with an explicit throttling factor (the SDK models 1.37 as 1.36 with
 * MemoryQoS on; an unset factor has no 1.36 equivalent).
 */
public final class CgroupPodArea implements Area {
  @Override
  public String name() {
    return "CGROUP-POD";
  }

  @Override
  public Case generate(long caseSeed, String id) {
    SplittableRandom r = new SplittableRandom(caseSeed);
    CgroupGenerators.PodResources resources = CgroupGenerators.pod().next(r);
    // a quarter of the pods carry pod-level resources (KEP-2837)
    String pod = CgroupPods.json(CgroupPods.pod("p-" + id, resources, r.nextDouble() < 0.25 ? CgroupGenerators.podLevel(resources).next(r) : null));
    int bucket = r.nextInt(20);
    CgroupSettings s;
    String version;
    if (bucket < 11) {
      s = CgroupGenerators.settings(List.of(36), 36).next(r);
      version = Gen.oneOf("1.36", "1.36.3", "v1.36", "1.36.0").next(r);
    } else if (bucket < 16) {
      s = CgroupGenerators.settings(IntStream.rangeClosed(27, 35).boxed().toList(), Integer.MAX_VALUE).next(r);
      version = "1." + s.kubernetesMinor() + (r.nextBoolean() ? "" : ".2");
    } else {
      s = CgroupGenerators.settings(List.of(37), 37).next(r);
      version = r.nextBoolean() ? null : "1.37";
    }
    List<String> args = new ArrayList<>(List.of("cgroup", "pod", "-f", "pod.yaml", "-o", "json"));
    if (version != null) {
      args.addAll(List.of("--kubernetes-version", version));
    }
    if (!s.runtime().equals("runc:1.3.2") || r.nextBoolean()) {
      args.addAll(List.of("--runtime", s.runtime()));
    }
    if (s.memoryQos() && (s.kubernetesMinor() < 37 || r.nextBoolean())) {
      args.add("--memory-qos");
    }
    s.memoryThrottlingFactor().ifPresent(f -> args.addAll(List.of("--memory-throttling-factor", Double.toString(f))));
    if (s.memoryReservationPolicy() != MemoryReservationPolicy.None || (s.kubernetesMinor() >= 36 && r.nextDouble() < 0.2)) {
      args.addAll(List.of("--memory-reservation-policy", s.memoryReservationPolicy().name()));
    }
    boolean cpu = r.nextDouble() < 0.4;
    if (s.nodeAllocatableMemory().isPresent() || cpu) {
      List<String> parts = new ArrayList<>();
      if (cpu) {
        parts.add("cpu=" + CgroupGenerators.allocatableCpu().next(r));
      }
      s.nodeAllocatableMemory().ifPresent(m -> parts.add("memory=" + m));
      args.addAll(List.of("--node-allocatable", String.join(",", parts)));
    }
    if (s.pageSize() != 4096 || r.nextDouble() < 0.1) {
      args.addAll(List.of("--page-size", Long.toString(s.pageSize())));
    }
    if (s.podPidsLimit() != -1 || r.nextDouble() < 0.1) {
      args.addAll(List.of("--pod-pids-limit", Long.toString(s.podPidsLimit())));
    }
    if (s.singleProcessOomKill()) {
      args.add("--single-process-oom-kill");
    }
    if (!s.cpuCfsQuota() || r.nextDouble() < 0.1) {
      args.add("--cpu-cfs-quota=" + s.cpuCfsQuota());
    }
    if (s.cpuCfsQuotaPeriodMicros() != 100_000 || r.nextDouble() < 0.1) {
      long us = s.cpuCfsQuotaPeriodMicros();
      String d = us % 1_000_000 == 0 && r.nextBoolean() ? us / 1_000_000 + "s" : us % 1000 == 0 && r.nextBoolean() ? us / 1000 + "ms" : us + "us";
      args.addAll(List.of("--cpu-cfs-quota-period", d));
    }
    if (r.nextDouble() < 0.05) {
      invalid(r, args);
    }
    return new Case(id, caseSeed, args, Map.of("pod.yaml", pod));
  }

  /** One flag the kubelet or the flag parser rejects. */
  private static void invalid(SplittableRandom r, List<String> args) {
    switch (r.nextInt(8)) {
      case 0 -> args.addAll(List.of("--runtime", "docker:20.10"));
      case 1 -> args.addAll(List.of("--memory-throttling-factor", Gen.oneOf("0", "1.5", "-0.1").next(r)));
      case 2 -> args.addAll(List.of("--memory-reservation-policy", "Strict"));
      case 3 -> args.addAll(List.of("--page-size", Gen.oneOf("3000", "0", "-4096").next(r)));
      case 4 -> args.addAll(List.of("--pod-pids-limit", Gen.oneOf("0", "-2").next(r)));
      case 5 -> args.addAll(List.of("--cpu-cfs-quota-period", Gen.oneOf("0ms", "2s", "999us", "1.5ms", "100").next(r)));
      case 6 -> args.addAll(List.of("--node-allocatable", "memory=lots"));
      default -> args.addAll(List.of("--kubernetes-version", "one.36"));
    }
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
