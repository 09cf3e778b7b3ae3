package dev.aiinfra.sandbox.policy.cgroup;

import dev.aiinfra.sandbox.model.cgroup.CgroupSettings;
import dev.aiinfra.core.model.profile.MemoryReservationPolicy;
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
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Seeded generators for the cgroup v2 computations: pods of every QoS class with init containers,
 * restartable sidecars, RuntimeClass overhead and hugepages, CPU and memory quantities in every notation the
 * API accepts (including ones that round), and the kubelet and runtime settings that change a pod's
 * cgroup files (runtime and version, CFS quota and period, Memory QoS, throttling factor,
 * reservation policy, node allocatable memory, page size, pod PIDs limit, single-process OOM kill).
 */
public final class CgroupGenerators {
  private CgroupGenerators() {}

  /** One container's resources as quantity strings, as they appear in a manifest. */
  public record Resources(String name, Map<String, String> requests, Map<String, String> limits, boolean sidecar) {
    public Resources {
      requests = Map.copyOf(requests);
      limits = Map.copyOf(limits);
    }
  }

  /** A pod as the cgroup computations read it: init containers (sidecars among them), containers and overhead. */
  public record PodResources(QosClass intended, List<Resources> initContainers, List<Resources> containers, Map<String, String> overhead) {
    public PodResources {
      initContainers = List.copyOf(initContainers);
      containers = List.copyOf(containers);
      overhead = Map.copyOf(overhead);
    }
  }

  /** A CPU quantity in millicores, whole cores, decimals, exponents and micro units (some round up to 1m). */
  public static Gen<String> cpu() {
    return Gen.oneOfGens(
        Gen.ints(1, 4000).map(m -> m + "m"),
        Gen.ints(1, 64).map(String::valueOf),
        Gen.ints(1, 9).map(d -> "0." + d),
        Gen.oneOf("1m", "2m", "5m", "9m", "10m", "11m", "100m", "250m", "500m", "1500m", "0.5", "1.5", "0.001", "0.0015", "100u", "1500u", "1e0", "2e-3", "262144m",
            "262145m", "300", "1k", "1n", "100n", "0.0001", "999999n", "1.0005"));
  }

  /** A memory quantity in binary and decimal suffixes, exponents and plain bytes. */
  public static Gen<String> memory() {
    return Gen.oneOfGens(
        Gen.ints(1, 4096).map(m -> m + "Mi"),
        Gen.ints(1, 64).map(g -> g + "Gi"),
        Gen.ints(1, 4000).map(m -> m + "M"),
        Gen.ints(1, 2_000_000_000).map(String::valueOf),
        Gen.oneOf("1Gi", "1G", "512Mi", "64Mi", "1.5Gi", "129e6", "4096", "3Ki", "1000k", "12345678", "0.5Gi", "100M", "2Gi", "8Gi", "100m", "1.1", "1536.5Ki", "0.1Mi", "1e9", "2.5e3"));
  }

  /** A quantity not smaller than {@code base}: the same text, or a larger one in another notation. */
  private static String atLeast(SplittableRandom r, String base, boolean cpu) {
    if (r.nextBoolean()) {
      return base;
    }
    return cpu ? (r.nextBoolean() ? "2k" : "4096") : (r.nextBoolean() ? "64Gi" : "100Gi");
  }

  /** Resources of a container of a pod of the given class. */
  public static Gen<Resources> resources(String name, QosClass qos, boolean sidecar) {
    return r -> {
      Map<String, String> requests = new LinkedHashMap<>();
      Map<String, String> limits = new LinkedHashMap<>();
      switch (qos) {
        case Guaranteed -> {
          for (String res : List.of("cpu", "memory")) {
            String q = res.equals("cpu") ? cpu().next(r) : memory().next(r);
            limits.put(res, q);
            if (r.nextBoolean()) {
              requests.put(res, q);
            }
          }
        }
        case Burstable -> {
          for (String res : List.of("cpu", "memory")) {
            Gen<String> g = res.equals("cpu") ? cpu() : memory();
            switch (r.nextInt(5)) {
              case 0 -> { }
              case 1 -> requests.put(res, g.next(r));
              case 2 -> limits.put(res, g.next(r));
              case 3 -> {
                String q = g.next(r);
                requests.put(res, q);
                limits.put(res, q);
              }
              default -> {
                String q = g.next(r);
                requests.put(res, q);
                limits.put(res, atLeast(r, q, res.equals("cpu")));
              }
            }
          }
          if (r.nextDouble() < 0.1) {
            requests.put("memory", "0");
          }
        }
        case BestEffort -> {
          if (r.nextDouble() < 0.1) {
            requests.put("ephemeral-storage", "1Gi");
          }
        }
      }
      if (qos != QosClass.BestEffort && !(requests.isEmpty() && limits.isEmpty()) && r.nextDouble() < 0.1) {
        // hugepages: requests equal limits (API rule); not a QoS resource, the pod cgroup's hugetlb only
        String size = r.nextBoolean() ? "hugepages-2Mi" : "hugepages-1Gi";
        String q = size.equals("hugepages-2Mi") ? Gen.oneOf("2Mi", "20Mi", "1Gi").next(r) : "1Gi";
        requests.put(size, q);
        limits.put(size, q);
      }
      return new Resources(name, requests, limits, sidecar);
    };
  }

  /**
   * A pod whose QoS class is {@code qos} when every container follows it (a Burstable pod may still
   * come out Guaranteed or BestEffort when its containers happen to; the kubelet decides).
   */
  public static Gen<PodResources> pod(QosClass qos) {
    return r -> {
      List<Resources> init = new ArrayList<>();
      int nInit = r.nextDouble() < 0.5 ? 0 : 1 + r.nextInt(3);
      for (int i = 0; i < nInit; i++) {
        boolean sidecar = r.nextDouble() < 0.4;
        init.add(resources((sidecar ? "sidecar" : "init") + i, qos, sidecar).next(r));
      }
      List<Resources> containers = new ArrayList<>();
      int n = 1 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        containers.add(resources("c" + i, qos, false).next(r));
      }
      Map<String, String> overhead = new LinkedHashMap<>();
      if (r.nextDouble() < 0.3) {
        if (r.nextDouble() < 0.8) {
          overhead.put("cpu", Gen.oneOf("10m", "100m", "250m", "1").next(r));
        }
        if (r.nextDouble() < 0.8) {
          overhead.put("memory", Gen.oneOf("64Mi", "120Mi", "1Gi", "100M").next(r));
        }
      }
      return new PodResources(qos, init, containers, overhead);
    };
  }

  /**
   * Pod-level {@code spec.resources} (KEP-2837, as a manifest map) the API server accepts for {@code p}: for CPU and memory each, a
   * request at least the containers' aggregate, a limit at least that and every container's limit,
   * or neither; now and then an empty {@code resources: {}}.
   */
  public static Gen<Map<String, Object>> podLevel(PodResources p) {
    return r -> podLevel(r, p);
  }

  private static Map<String, Object> podLevel(SplittableRandom r, PodResources p) {
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

  /** The containers of a generated pod as the library reads them. */
  public static List<ContainerSpec> specs(List<Resources> list) {
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

  /** A generated pod as a manifest (plain maps), with pod-level {@code spec.resources} when {@code podLevel} is not null. */
  public static Map<String, Object> manifest(String name, PodResources p, Map<String, Object> podLevel) {
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

  /** A pod of a random QoS class (Burstable most often: it has the most rules). */
  public static Gen<PodResources> pod() {
    return r -> pod(Gen.oneOf(QosClass.Guaranteed, QosClass.Burstable, QosClass.Burstable, QosClass.BestEffort).next(r)).next(r);
  }

  /** Runtime names and versions on both sides of the quadratic-weight change (runc 1.3.2, crun 1.23). */
  public static Gen<String> runtime() {
    return Gen.oneOf("runc:1.3.2", "runc:1.3.1", "runc:1.2.6", "runc:1.1.15", "runc:1.4.0", "runc:1.3", "runc:2.0.0", "crun:1.23", "crun:1.22", "crun:1.19.1",
        "crun:1.24", "crun:1.23.1");
  }

  /**
   * Kubelet and runtime settings over every option; Memory QoS only on {@code memoryQosMinor} and
   * later (callers pick which versions' rules they compare).
   */
  public static Gen<CgroupSettings> settings(List<Integer> minors, int memoryQosMinor) {
    return r -> {
      int minor = Gen.oneOf(minors).next(r);
      CgroupSettings.Builder b = CgroupSettings.builder().runtime(runtime().next(r)).kubernetesMinor(minor);
      boolean qos = minor >= memoryQosMinor && r.nextDouble() < 0.6;
      b.memoryQos(qos);
      if (minor >= 37 || r.nextBoolean()) {
        b.memoryThrottlingFactor(Gen.oneOfGens(Gen.oneOf(0.9, 1.0, 0.5, 0.1, 0.75, 0.999), Gen.ints(1, 1000).map(i -> i / 1000.0)).next(r));
      }
      if (minor >= 36 && r.nextBoolean()) {
        b.memoryReservationPolicy(Gen.oneOf(MemoryReservationPolicy.values()).next(r));
      }
      if (r.nextDouble() < 0.2) {
        b.cpuCfsQuota(false);
      }
      if (r.nextDouble() < 0.4) {
        b.cpuCfsQuotaPeriodMicros(Gen.oneOfGens(Gen.oneOf(1000L, 5000L, 50_000L, 100_000L, 250_000L, 333_000L, 1_000_000L), Gen.ints(1, 1000).map(ms -> ms * 1000L)).next(r));
      }
      if (r.nextDouble() < 0.7) {
        b.nodeAllocatableMemory(Gen.oneOf(8L << 30, 16_000_000_000L, 64L << 30, 1L << 30, 3_999_999_000L).next(r));
      }
      if (r.nextDouble() < 0.3) {
        b.pageSize(Gen.oneOf(4096L, 16384L, 65536L, 2L << 20).next(r));
      }
      if (r.nextDouble() < 0.4) {
        b.podPidsLimit(Gen.oneOfGens(Gen.oneOf(1L, 1024L, 4096L, 32768L), Gen.ints(1, 100_000).map(Integer::longValue)).next(r));
      }
      if (r.nextDouble() < 0.3) {
        b.singleProcessOomKill(true);
      }
      return b.build();
    };
  }

  /** A node allocatable CPU quantity. */
  public static Gen<String> allocatableCpu() {
    return Gen.oneOfGens(Gen.ints(1, 256).map(String::valueOf), Gen.ints(100, 300_000).map(m -> m + "m"), Gen.oneOf("0.5", "1500m", "257", "1k"));
  }

  /** Optional: empty or one of the values. */
  public static <T> Gen<Optional<T>> maybe(double probability, Gen<T> g) {
    return r -> r.nextDouble() < probability ? Optional.of(g.next(r)) : Optional.empty();
  }
}
