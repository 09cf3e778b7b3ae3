package dev.aiinfra.core.render.validation;

import dev.aiinfra.testing.Gen;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded generators of Kubernetes objects for API validation: valid objects of every kind {@code
 * ai-infra validate} reads (Pod, PodTemplate, ReplicationController, Deployment, StatefulSet,
 * DaemonSet, ReplicaSet, Job, CronJob, Namespace, ConfigMap), as plain JSON-shaped maps, and
 * targeted invalid mutations of the fields ai-infra validates: object name, generateName and
 * namespace; label and annotation keys, values and sizes; container names (empty, malformed,
 * duplicate across init and regular containers), images, ports (range, protocol, names), env
 * names, resource names and quantities (syntax, sign, integer-only, requests against limits),
 * imagePullPolicy, terminationMessagePolicy, probes, host ports, restartPolicy per owner kind,
 * dnsPolicy and dnsConfig limits, pod volumes (names, sources, modes, paths) and volume mounts,
 * pod-template labels and annotations (the label an owner's selector matches is left alone).
 */
public final class ValidationGenerators {
  /** Kinds and their apiVersions, in the order the generator picks from. */
  public static final List<String[]> KINDS = List.of(
      new String[] {"v1", "Pod"}, new String[] {"v1", "PodTemplate"}, new String[] {"v1", "ReplicationController"},
      new String[] {"apps/v1", "Deployment"}, new String[] {"apps/v1", "StatefulSet"}, new String[] {"apps/v1", "DaemonSet"},
      new String[] {"apps/v1", "ReplicaSet"}, new String[] {"batch/v1", "Job"}, new String[] {"batch/v1", "CronJob"},
      new String[] {"v1", "Namespace"}, new String[] {"v1", "ConfigMap"});

  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final List<String> IMAGES = List.of("nginx", "busybox:1.36", "registry.k8s.io/pause:3.10", "vllm/vllm-openai:v0.9.0", "ghcr.io/a/b@sha256:" + "0".repeat(64));
  private static final List<String> LABEL_KEYS = List.of("app", "tier", "app.kubernetes.io/name", "example.com/team", "Env", "x_y", "a.b-c");
  private static final List<String> LABEL_VALUES = List.of("", "web", "v1.2", "A_b-c", "x".repeat(63));
  private static final List<String> ANNOTATION_KEYS = List.of("note", "example.com/owner", "Description", "ai-infra.dev/x");
  private static final List<String> CPU = List.of("100m", "250m", "1", "2", "0.5", "1500m", "4");
  private static final List<String> MEMORY = List.of("64Mi", "128Mi", "1Gi", "1G", "512M", "2Gi", "1e9");
  private static final List<String> ENV_NAMES = List.of("FOO", "MY_VAR", "my.env-name", "1ABC", "with space", "a:b", "_X");

  private ValidationGenerators() {}

  /** A valid object of a kind drawn from {@link #KINDS}. */
  public static Gen<Map<String, Object>> validObject() {
    return r -> {
      String[] kind = KINDS.get(r.nextInt(KINDS.size()));
      return validObject(kind[0], kind[1]).next(r);
    };
  }

  /** A valid object of the given kind. */
  public static Gen<Map<String, Object>> validObject(String apiVersion, String kind) {
    return r -> {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("apiVersion", apiVersion);
      o.put("kind", kind);
      o.put("metadata", metadata(r, kind));
      Map<String, Object> appLabels = Map.of("app", "a" + r.nextInt(10));
      switch (kind) {
        case "Pod" -> o.put("spec", podSpec(r, "Always"));
        case "PodTemplate" -> o.put("template", template(r, appLabels, "Always"));
        case "ReplicationController" -> o.put("spec", map("replicas", r.nextInt(4), "selector", new LinkedHashMap<>(appLabels),
            "template", template(r, appLabels, "Always")));
        case "Deployment", "ReplicaSet", "DaemonSet" -> o.put("spec", map("selector", map("matchLabels", new LinkedHashMap<>(appLabels)),
            "template", template(r, appLabels, "Always")));
        case "StatefulSet" -> o.put("spec", map("serviceName", "svc", "selector", map("matchLabels", new LinkedHashMap<>(appLabels)),
            "template", template(r, appLabels, "Always")));
        case "Job" -> o.put("spec", map("template", template(r, Map.of(), r.nextBoolean() ? "Never" : "OnFailure")));
        case "CronJob" -> o.put("spec", map("schedule", Gen.oneOf("*/5 * * * *", "0 3 * * *", "@hourly").next(r),
            "jobTemplate", map("spec", map("template", template(r, Map.of(), r.nextBoolean() ? "Never" : "OnFailure")))));
        case "ConfigMap" -> o.put("data", map("config.yaml", "a: 1", "KEY_" + r.nextInt(9), "v"));
        default -> { }
      }
      return o;
    };
  }

  /** A valid object with one to three targeted mutations, or none (one case in six). */
  public static Gen<Map<String, Object>> object() {
    return r -> {
      Map<String, Object> o = validObject().next(r);
      if (r.nextInt(6) != 0) {
        int n = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0);
        for (int i = 0; i < n; i++) {
          mutate(o, r);
        }
      }
      return o;
    };
  }

  /** A valid object with one to three targeted mutations (most make it invalid; a few stay at the edge of valid). */
  public static Gen<Map<String, Object>> mutatedObject() {
    return r -> {
      Map<String, Object> o = validObject().next(r);
      for (int i = 1 + (r.nextInt(4) == 0 ? r.nextInt(3) : 0); i > 0; i--) {
        mutate(o, r);
      }
      return o;
    };
  }

  // ---- valid parts -------------------------------------------------------------------------

  private static Map<String, Object> metadata(SplittableRandom r, String kind) {
    Map<String, Object> m = new LinkedHashMap<>();
    boolean dnsLabel = kind.equals("Namespace") || kind.equals("CronJob") || kind.equals("StatefulSet") || r.nextBoolean();
    if (r.nextInt(8) == 0) {
      m.put("generateName", label(r, 1, 12) + "-");
    } else {
      String name = label(r, 1, kind.equals("CronJob") ? 20 : 30);
      if (!dnsLabel && r.nextInt(3) == 0) {
        name = name + "." + label(r, 1, 10);
      }
      m.put("name", name);
    }
    if (!kind.equals("Namespace") && r.nextInt(3) == 0) {
      m.put("namespace", label(r, 1, 15));
    }
    if (r.nextBoolean()) {
      Map<String, Object> labels = new LinkedHashMap<>();
      for (int i = r.nextInt(4); i > 0; i--) {
        labels.put(Gen.oneOf(LABEL_KEYS).next(r), Gen.oneOf(LABEL_VALUES).next(r));
      }
      m.put("labels", labels);
    }
    if (r.nextInt(3) == 0) {
      Map<String, Object> ann = new LinkedHashMap<>();
      for (int i = 1 + r.nextInt(2); i > 0; i--) {
        ann.put(Gen.oneOf(ANNOTATION_KEYS).next(r), "value " + r.nextInt(100) + " with = and : and spaces");
      }
      m.put("annotations", ann);
    }
    return m;
  }

  private static Map<String, Object> template(SplittableRandom r, Map<String, Object> labels, String restartPolicy) {
    Map<String, Object> t = new LinkedHashMap<>();
    if (!labels.isEmpty()) {
      t.put("metadata", map("labels", new LinkedHashMap<>(labels)));
    }
    t.put("spec", podSpec(r, restartPolicy));
    return t;
  }

  private static Map<String, Object> podSpec(SplittableRandom r, String restartPolicy) {
    Map<String, Object> s = new LinkedHashMap<>();
    if (!restartPolicy.equals("Always") || r.nextBoolean()) {
      s.put("restartPolicy", restartPolicy);
    }
    List<Object> containers = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      containers.add(container(r, "c" + i));
    }
    if (r.nextInt(4) == 0) {
      s.put("initContainers", new ArrayList<>(List.of(container(r, "init"))));
    }
    s.put("containers", containers);
    if (r.nextInt(4) == 0) {
      volumes(r, s, containers);
    }
    int dns = r.nextInt(6);
    if (dns == 0) {
      s.put("dnsPolicy", "None");
      s.put("dnsConfig", dnsConfig(r, true));
    } else if (dns == 1) {
      s.put("dnsPolicy", Gen.oneOf("ClusterFirst", "Default", "ClusterFirstWithHostNet").next(r));
    } else if (dns == 2) {
      s.put("dnsConfig", dnsConfig(r, r.nextBoolean()));
    }
    return s;
  }

  /** One or two valid volumes of the common sources, each mounted by the first container. */
  @SuppressWarnings("unchecked")
  private static void volumes(SplittableRandom r, Map<String, Object> spec, List<Object> containers) {
    List<Object> volumes = new ArrayList<>();
    List<Object> mounts = new ArrayList<>();
    for (int i = 1 + r.nextInt(2); i > 0; i--) {
      String name = "v" + i + label(r, 0, 4);
      volumes.add(volume(r, name));
      Map<String, Object> m = map("name", name, "mountPath", "/mnt/" + name);
      if (r.nextInt(4) == 0) {
        m.put("readOnly", true);
      }
      if (r.nextInt(5) == 0) {
        m.put("subPath", "sub/" + name);
      }
      mounts.add(m);
    }
    spec.put("volumes", volumes);
    ((Map<String, Object>) containers.get(0)).put("volumeMounts", mounts);
  }

  private static Map<String, Object> volume(SplittableRandom r, String name) {
    return switch (r.nextInt(6)) {
      case 0 -> map("name", name, "emptyDir", r.nextBoolean() ? map() : map("sizeLimit", Gen.oneOf("1Gi", "500Mi", "0").next(r)));
      case 1 -> map("name", name, "configMap", map("name", "cm-" + name, "items", new ArrayList<>(List.of(map("key", "k", "path", "conf/k.yaml")))));
      case 2 -> map("name", name, "secret", map("secretName", "s-" + name, "defaultMode", Gen.oneOf(0400, 0644, 0777, 0).next(r)));
      case 3 -> map("name", name, "persistentVolumeClaim", map("claimName", "data-" + name));
      case 4 -> map("name", name, "hostPath", map("path", "/var/lib/" + name, "type", Gen.oneOf("Directory", "DirectoryOrCreate", "").next(r)));
      default -> map("name", name); // no source: defaulted to emptyDir
    };
  }

  private static Map<String, Object> dnsConfig(SplittableRandom r, boolean nameserver) {
    Map<String, Object> c = new LinkedHashMap<>();
    if (nameserver) {
      List<Object> ns = new ArrayList<>();
      for (int i = 1 + r.nextInt(3); i > 0; i--) {
        ns.add(Gen.oneOf("10.96.0.10", "8.8.8.8", "2001:db8::1", "::1", "1.1.1.1").next(r));
      }
      c.put("nameservers", ns);
    }
    if (r.nextBoolean()) {
      c.put("searches", new ArrayList<>(List.of(Gen.oneOf("svc.cluster.local", "example.com", "_tcp.example.com", "a.", ".").next(r))));
    }
    if (r.nextBoolean()) {
      c.put("options", new ArrayList<>(List.of(map("name", "ndots", "value", String.valueOf(r.nextInt(6))), map("name", "edns0"))));
    }
    return c;
  }

  private static Map<String, Object> container(SplittableRandom r, String name) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("image", Gen.oneOf(IMAGES).next(r));
    if (r.nextInt(3) == 0) {
      c.put("imagePullPolicy", Gen.oneOf("Always", "IfNotPresent", "Never").next(r));
    }
    if (r.nextBoolean()) {
      List<Object> ports = new ArrayList<>();
      for (int i = 1 + r.nextInt(2); i > 0; i--) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("containerPort", Gen.oneOf(1, 80, 8080, 65535, 1 + r.nextInt(65535)).next(r));
        if (r.nextBoolean()) {
          p.put("name", "p" + i + label(r, 0, 5));
        }
        if (r.nextInt(3) == 0) {
          p.put("protocol", Gen.oneOf("TCP", "UDP", "SCTP").next(r));
        }
        ports.add(p);
      }
      c.put("ports", ports);
    }
    if (r.nextInt(3) == 0) {
      List<Object> env = new ArrayList<>();
      env.add(map("name", Gen.oneOf(ENV_NAMES).next(r), "value", "v"));
      c.put("env", env);
    }
    if (r.nextBoolean()) {
      Map<String, Object> req = new LinkedHashMap<>();
      Map<String, Object> lim = new LinkedHashMap<>();
      int cpu = r.nextInt(CPU.size());
      int mem = r.nextInt(MEMORY.size());
      if (r.nextBoolean()) {
        req.put("cpu", CPU.get(cpu));
      }
      if (r.nextBoolean()) {
        req.put("memory", MEMORY.get(mem));
      }
      if (r.nextBoolean()) {
        lim.put("cpu", r.nextBoolean() ? CPU.get(cpu) : "8");
      }
      if (r.nextBoolean()) {
        lim.put("memory", "4Gi");
      }
      if (r.nextInt(5) == 0) {
        lim.put("nvidia.com/gpu", "1");
        if (r.nextBoolean()) {
          req.put("nvidia.com/gpu", "1");
        }
      }
      Map<String, Object> res = new LinkedHashMap<>();
      if (!req.isEmpty()) {
        res.put("requests", req);
      }
      if (!lim.isEmpty()) {
        res.put("limits", lim);
      }
      c.put("resources", res);
    }
    return c;
  }

  // ---- mutations -----------------------------------------------------------------------------

  /** Applies one targeted invalid (or edge-of-valid) change to {@code o}. */
  @SuppressWarnings("unchecked")
  public static void mutate(Map<String, Object> o, SplittableRandom r) {
    Map<String, Object> meta = (Map<String, Object>) o.get("metadata");
    List<Map<String, Object>> specs = podSpecs(o);
    int target = specs.isEmpty() ? r.nextInt(4) : r.nextInt(23);
    switch (target) {
      case 0 -> {
        meta.remove("generateName");
        int k = r.nextInt(4);
        if (k == 0) {
          meta.remove("name");
        } else {
          meta.put("name", badName(r));
        }
      }
      case 1 -> {
        if (r.nextBoolean()) {
          meta.remove("name");
        }
        meta.put("generateName", Gen.oneOf("Web-", "a_b-", "x".repeat(60) + "-", "-", "ok.", "ok-", "a.b-", "x".repeat(250)).next(r));
      }
      case 2 -> {
        if (o.get("kind").equals("Namespace")) {
          meta.put("name", badName(r));
        } else {
          meta.put("namespace", Gen.oneOf("Default", "a.b", "x".repeat(64), "x".repeat(63), "-ns", "ns_1").next(r));
        }
      }
      case 3 -> {
        if (r.nextBoolean()) {
          Map<String, Object> labels = (Map<String, Object>) meta.computeIfAbsent("labels", x -> new LinkedHashMap<>());
          if (r.nextBoolean()) {
            labels.put(Gen.oneOf("a/b/c", "-x", "Foo.com/x", "/x", "x/", "example.com/" + "n".repeat(64), "n".repeat(64), "a b", "p".repeat(254) + "/x").next(r), "v");
          } else {
            labels.put("app", Gen.oneOf("v".repeat(64), "-x", "a b", "x-", "a/b", "ok_").next(r));
          }
        } else {
          Map<String, Object> ann = (Map<String, Object>) meta.computeIfAbsent("annotations", x -> new LinkedHashMap<>());
          if (r.nextBoolean()) {
            ann.put(Gen.oneOf("a/b/c", "-x", "Foo.com/x", "/x", "x y", "UPPER.example.com/Name").next(r), "v");
          } else {
            int size = Gen.oneOf(256 * 1024 - 10, 256 * 1024, 256 * 1024 + 1, 300_000).next(r);
            ann.put("big", "x".repeat(size - 3));
          }
        }
      }
      case 19, 20 -> {
        Map<String, Object> tm = templateMetadata(o);
        if (r.nextBoolean()) {
          Map<String, Object> labels = (Map<String, Object>) tm.computeIfAbsent("labels", x -> new LinkedHashMap<>());
          if (r.nextBoolean()) {
            labels.put(Gen.oneOf("a/b/c", "-x", "Foo.com/x", "/x", "n".repeat(64), "ok.example.com/fine").next(r), "v");
          } else {
            labels.put("tier", Gen.oneOf("v".repeat(64), "-x", "a b", "fine", "").next(r));
          }
        } else {
          Map<String, Object> ann = (Map<String, Object>) tm.computeIfAbsent("annotations", x -> new LinkedHashMap<>());
          if (r.nextBoolean()) {
            ann.put(Gen.oneOf("a/b/c", "-x", "x y", "UPPER.example.com/Name", "fine").next(r), "v");
          } else {
            ann.put("big", "x".repeat(Gen.oneOf(256 * 1024 - 3, 256 * 1024 - 2, 300_000).next(r)));
          }
        }
      }
      default -> mutatePodSpec(o, specs.get(r.nextInt(specs.size())), r, target);
    }
  }

  @SuppressWarnings("unchecked")
  private static void mutatePodSpec(Map<String, Object> o, Map<String, Object> spec, SplittableRandom r, int target) {
    List<Object> containers = (List<Object>) spec.get("containers");
    if (containers == null || containers.isEmpty()) {
      spec.put("containers", containers = new ArrayList<>(List.of(container(r, "c9"))));
    }
    Map<String, Object> c = (Map<String, Object>) containers.get(r.nextInt(containers.size()));
    switch (target) {
      case 4 -> {
        int k = r.nextInt(5);
        if (k == 0) {
          c.remove("name");
        } else if (k == 1) {
          c.put("name", ((Map<String, Object>) containers.get(0)).get("name"));
          if (containers.size() == 1) {
            containers.add(new LinkedHashMap<>(c));
          }
        } else if (k == 2) {
          List<Object> init = (List<Object>) spec.computeIfAbsent("initContainers", x -> new ArrayList<>());
          init.add(map("name", ((Map<String, Object>) containers.get(0)).get("name"), "image", "busybox"));
        } else {
          c.put("name", Gen.oneOf("Web", "a_b", "-a", "x".repeat(64), "a.b", "x".repeat(63)).next(r));
        }
      }
      case 5 -> {
        int k = r.nextInt(3);
        if (k == 0) {
          c.remove("image");
        } else if (k == 1) {
          c.put("image", "");
        } else {
          spec.put("containers", new ArrayList<>());
        }
      }
      case 6 -> {
        List<Object> ports = (List<Object>) c.computeIfAbsent("ports", x -> new ArrayList<>());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("containerPort", Gen.oneOf(0, -1, 65536, 70000, 1, 65535).next(r));
        int k = r.nextInt(5);
        if (k == 0) {
          p.put("hostPort", Gen.oneOf(-1, 70000, 65536, 8080).next(r));
        } else if (k == 1) {
          p.put("protocol", Gen.oneOf("HTTP", "tcp", "udp", "SCTP").next(r));
        } else if (k == 2) {
          p.put("name", Gen.oneOf("http-metrics-port", "8080", "a--b", "-a", "Http", "web", "a_b", "x".repeat(15)).next(r));
        }
        ports.add(p);
        if (r.nextBoolean()) {
          ports.add(map("containerPort", 9000, "name", p.getOrDefault("name", "dup")));
          p.putIfAbsent("name", "dup");
        }
      }
      case 7 -> {
        List<Object> env = (List<Object>) c.computeIfAbsent("env", x -> new ArrayList<>());
        Map<String, Object> e = new LinkedHashMap<>();
        String name = Gen.oneOf("", "A=B", "caf\u00e9", "tab\there", "=", "ok", "1x", "x.y-z").next(r);
        if (!name.isEmpty() || r.nextBoolean()) {
          e.put("name", name);
        }
        e.put("value", "v");
        env.add(e);
      }
      case 8, 9 -> {
        Map<String, Object> res = (Map<String, Object>) c.computeIfAbsent("resources", x -> new LinkedHashMap<>());
        String which = r.nextBoolean() ? "requests" : "limits";
        Map<String, Object> list = (Map<String, Object>) res.computeIfAbsent(which, x -> new LinkedHashMap<>());
        int k = r.nextInt(6);
        if (k == 0) {
          list.put(Gen.oneOf("cpu", "memory").next(r), Gen.oneOf("2cores", "1.5.3Gi", "1GB", "abc", "-1", "-100m", "0", "1.5", "1e3", "0.0001", "1Ki", ".5").next(r));
        } else if (k == 1) {
          list.put(Gen.oneOf("gpu", "a/b/c", "example.com/_x", "kubernetes.io/foo", "requests.cpu", "storage", "pods").next(r), "1");
        } else if (k == 2) {
          Map<String, Object> req = (Map<String, Object>) res.computeIfAbsent("requests", x -> new LinkedHashMap<>());
          Map<String, Object> lim = (Map<String, Object>) res.computeIfAbsent("limits", x -> new LinkedHashMap<>());
          String rn = Gen.oneOf("cpu", "memory", "ephemeral-storage").next(r);
          req.put(rn, Gen.oneOf("2", "1Gi", "1500m", "1000M").next(r));
          lim.put(rn, Gen.oneOf("1", "1G", "1500m", "2", "1Gi").next(r));
        } else if (k == 3) {
          Map<String, Object> req = (Map<String, Object>) res.computeIfAbsent("requests", x -> new LinkedHashMap<>());
          req.put("nvidia.com/gpu", Gen.oneOf("1", "2", "0.5", "500m").next(r));
          if (r.nextBoolean()) {
            ((Map<String, Object>) res.computeIfAbsent("limits", x -> new LinkedHashMap<>())).put("nvidia.com/gpu", Gen.oneOf("1", "2").next(r));
          }
        } else if (k == 4) {
          list.put("example.com/foo", Gen.oneOf("1", "0.5", "-2", "1k").next(r));
        } else {
          list.put("ephemeral-storage", Gen.oneOf("1Gi", "-1Gi", "10x").next(r));
        }
      }
      case 10 -> c.put("imagePullPolicy", Gen.oneOf("Sometimes", "always", "IfNotPresent").next(r));
      case 11 -> c.put("terminationMessagePolicy", Gen.oneOf("File", "FallbackToLogsOnError", "ReadFile").next(r));
      case 12 -> spec.put("restartPolicy", Gen.oneOf("Always", "OnFailure", "Never", "Sometimes", "always").next(r));
      case 13 -> spec.put("dnsPolicy", Gen.oneOf("None", "ClusterFirstWithHost", "clusterfirst", "Default").next(r));
      case 16, 17 -> {
        String kind = Gen.oneOf("livenessProbe", "readinessProbe", "startupProbe").next(r);
        Map<String, Object> probe = probe(r);
        if (r.nextInt(4) == 0) {
          List<Object> init = (List<Object>) spec.computeIfAbsent("initContainers", x -> new ArrayList<>());
          Map<String, Object> ic = map("name", "side", "image", "busybox", kind, probe);
          if (r.nextBoolean()) {
            ic.put("restartPolicy", "Always");
          }
          init.add(ic);
        } else {
          c.put(kind, probe);
        }
      }
      case 18 -> {
        String protocol = Gen.oneOf("TCP", "UDP", "").next(r);
        Map<String, Object> other = (Map<String, Object>) containers.get(r.nextInt(containers.size()));
        for (Map<String, Object> owner : List.of(c, other)) {
          List<Object> ports = (List<Object>) owner.computeIfAbsent("ports", x -> new ArrayList<>());
          Map<String, Object> p = map("containerPort", 1000 + ports.size(), "hostPort", 8443);
          if (!protocol.isEmpty() && (owner == c || r.nextBoolean())) {
            p.put("protocol", protocol);
          }
          ports.add(p);
        }
      }
      case 21 -> mutateVolumes(spec, r);
      case 22 -> mutateMounts(spec, c, r);
      default -> {
        Map<String, Object> cfg = (Map<String, Object>) spec.computeIfAbsent("dnsConfig", x -> new LinkedHashMap<>());
        int k = r.nextInt(6);
        if (k == 0) {
          cfg.put("nameservers", new ArrayList<>(List.of("1.1.1.1", "8.8.8.8", "9.9.9.9", "10.0.0.1")));
        } else if (k == 1) {
          cfg.put("nameservers", new ArrayList<>(List.of(Gen.oneOf("dns.example.com", "300.1.1.1", "fe80::1%eth0", "1.2.3", "010.1.1.1", "::ffff:1.2.3.4", "1.2.3.4.", " 1.2.3.4", "2001:db8::1::2", "1:2:3:4:5:6:7:8").next(r))));
        } else if (k == 2) {
          List<Object> s = new ArrayList<>();
          for (int i = 0; i < Gen.oneOf(32, 33).next(r); i++) {
            s.add("s" + i + ".example.com");
          }
          cfg.put("searches", s);
        } else if (k == 3) {
          List<Object> s = new ArrayList<>();
          int len = Gen.oneOf(7, 8).next(r);
          for (int i = 0; i < len; i++) {
            s.add("x".repeat(60) + "." + "y".repeat(60) + "." + "z".repeat(60) + ".c" + i);
          }
          cfg.put("searches", s);
        } else if (k == 4) {
          cfg.put("searches", new ArrayList<>(List.of(Gen.oneOf("Example.com", "a..b", "-a.com", "_a._b.com", "a_.com", "..", "_", "__a.com", "_-a.com", "a_b.c_d", "a._").next(r))));
        } else {
          cfg.put("options", new ArrayList<>(List.of(map("value", "2"))));
        }
      }
    }
  }

  /** A volume with a bad name, two sources, or a source missing its own name or with a bad mode or path. */
  @SuppressWarnings("unchecked")
  private static void mutateVolumes(Map<String, Object> spec, SplittableRandom r) {
    List<Object> volumes = (List<Object>) spec.computeIfAbsent("volumes", x -> new ArrayList<>());
    if (volumes.isEmpty() || r.nextInt(3) == 0) {
      volumes.add(volume(r, "w" + volumes.size()));
    }
    Map<String, Object> v = (Map<String, Object>) volumes.get(r.nextInt(volumes.size()));
    switch (r.nextInt(8)) {
      case 0 -> {
        if (r.nextInt(4) == 0) {
          v.remove("name");
        } else {
          v.put("name", Gen.oneOf("Cache", "a_b", "-a", "x".repeat(64), "a.b", "x".repeat(63)).next(r));
        }
      }
      case 1 -> volumes.add(new LinkedHashMap<>(v));
      case 2 -> {
        v.put(Gen.oneOf("emptyDir", "configMap", "downwardAPI", "csi", "projected").next(r), map());
        if (r.nextBoolean()) {
          v.put("secret", map("secretName", "s"));
        }
      }
      case 3 -> {
        v.keySet().retainAll(List.of("name"));
        v.put(Gen.oneOf("configMap", "secret", "persistentVolumeClaim", "hostPath").next(r), map());
      }
      case 4 -> {
        v.keySet().retainAll(List.of("name"));
        String source = Gen.oneOf("configMap", "secret").next(r);
        v.put(source, map(source.equals("secret") ? "secretName" : "name", "n", "defaultMode", Gen.oneOf(-1, 0, 0777, 01000, 511, 512).next(r)));
      }
      case 5 -> {
        v.keySet().retainAll(List.of("name"));
        Map<String, Object> item = map("key", Gen.oneOf("", "k").next(r), "path", Gen.oneOf("", "/abs", "a/../b", "..x", "../x", "..", "ok/x", "a/..").next(r));
        if (r.nextInt(3) == 0) {
          item.put("mode", Gen.oneOf(-1, 0400, 01000).next(r));
        }
        v.put("configMap", map("name", "cm", "items", new ArrayList<>(List.of(item))));
      }
      case 6 -> {
        v.keySet().retainAll(List.of("name"));
        Map<String, Object> hp = map("path", Gen.oneOf("", "/a/../b", "/ok", "..", "/a/..b").next(r));
        if (r.nextBoolean()) {
          hp.put("type", Gen.oneOf("Folder", "directory", "Socket", "").next(r));
        }
        v.put("hostPath", hp);
      }
      default -> {
        v.keySet().retainAll(List.of("name"));
        v.put("emptyDir", map("sizeLimit", Gen.oneOf("-1Gi", "-1", "0", "1Gi").next(r)));
      }
    }
  }

  /** A mount of a missing volume, without name or path, on a repeated path, or with bad subPath, propagation or recursiveReadOnly. */
  @SuppressWarnings("unchecked")
  private static void mutateMounts(Map<String, Object> spec, Map<String, Object> c, SplittableRandom r) {
    List<Object> volumes = (List<Object>) spec.computeIfAbsent("volumes", x -> new ArrayList<>());
    if (volumes.isEmpty()) {
      volumes.add(volume(r, "m0"));
    }
    String volume = (String) ((Map<String, Object>) volumes.get(r.nextInt(volumes.size()))).getOrDefault("name", "m0");
    List<Object> mounts = (List<Object>) c.computeIfAbsent("volumeMounts", x -> new ArrayList<>());
    Map<String, Object> m = map("name", volume, "mountPath", "/m" + mounts.size());
    switch (r.nextInt(7)) {
      case 0 -> m.put("name", Gen.oneOf("missing", "", "M0").next(r));
      case 1 -> m.put("mountPath", Gen.oneOf("", "/m0", "/mnt/v1").next(r));
      case 2 -> {
        m.put("mountPath", "/dup");
        mounts.add(map("name", volume, "mountPath", "/dup"));
      }
      case 3 -> m.put(r.nextBoolean() ? "subPath" : "subPathExpr", Gen.oneOf("/abs", "a/../b", "..", "ok", "$(POD_NAME)/x").next(r));
      case 4 -> {
        m.put("subPath", "a");
        m.put("subPathExpr", "b");
      }
      case 5 -> {
        m.put("mountPropagation", Gen.oneOf("Bidirectional", "HostToContainer", "None", "Shared").next(r));
        if (r.nextBoolean()) {
          // never privileged: true, which the API server allows only with --allow-privileged (a
          // cluster setting validate leaves to the server)
          c.put("securityContext", map("privileged", false));
        }
      }
      default -> {
        m.put("recursiveReadOnly", Gen.oneOf("Enabled", "IfPossible", "Disabled", "Sometimes").next(r));
        if (r.nextBoolean()) {
          m.put("readOnly", true);
        }
        if (r.nextBoolean()) {
          m.put("mountPropagation", Gen.oneOf("None", "HostToContainer").next(r));
        }
      }
    }
    mounts.add(m);
  }

  /** A probe with one or more handlers and numbers from the edges of their ranges. */
  private static Map<String, Object> probe(SplittableRandom r) {
    Map<String, Object> p = new LinkedHashMap<>();
    int handlers = r.nextInt(8) == 0 ? 0 : r.nextInt(6) == 0 ? 2 : 1;
    List<String> kinds = new ArrayList<>(List.of("exec", "httpGet", "tcpSocket", "grpc"));
    for (int i = 0; i < handlers; i++) {
      String k = kinds.remove(r.nextInt(kinds.size()));
      Object port = Gen.<Object>oneOf(8080, 0, 70000, -1, "http", "web-metrics", "8080", "a--b", "toolongportname1").next(r);
      switch (k) {
        case "exec" -> p.put("exec", r.nextInt(4) == 0 ? map() : map("command", new ArrayList<>(List.of("true"))));
        case "httpGet" -> {
          Map<String, Object> h = map("port", port);
          if (r.nextBoolean()) {
            h.put("path", "/healthz");
          }
          if (r.nextInt(3) == 0) {
            h.put("scheme", Gen.oneOf("HTTP", "HTTPS", "http", "TCP").next(r));
          }
          p.put("httpGet", h);
        }
        case "tcpSocket" -> p.put("tcpSocket", map("port", port));
        default -> p.put("grpc", map("port", Gen.oneOf(9090, 0, 70000, -5).next(r)));
      }
    }
    for (String f : List.of("initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold")) {
      if (r.nextInt(4) == 0) {
        p.put(f, Gen.oneOf(-1, 0, 1, 2, 30).next(r));
      }
    }
    if (r.nextInt(5) == 0) {
      p.put("terminationGracePeriodSeconds", Gen.oneOf(-1, 0, 1, 30).next(r));
    }
    return p;
  }

  /** The metadata of {@code o}'s pod template (the Pod's own for a Pod), created when absent. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> templateMetadata(Map<String, Object> o) {
    Object template = switch ((String) o.get("kind")) {
      case "Pod" -> o;
      case "PodTemplate" -> o.get("template");
      case "CronJob" -> path(o, "spec", "jobTemplate", "spec", "template");
      default -> path(o, "spec", "template");
    };
    return (Map<String, Object>) ((Map<String, Object>) template).computeIfAbsent("metadata", x -> new LinkedHashMap<>());
  }

  /** Every pod spec inside {@code o}, found by kind. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> podSpecs(Map<String, Object> o) {
    List<Map<String, Object>> out = new ArrayList<>();
    Object node = switch ((String) o.get("kind")) {
      case "Pod" -> o.get("spec");
      case "PodTemplate" -> path(o, "template", "spec");
      case "CronJob" -> path(o, "spec", "jobTemplate", "spec", "template", "spec");
      case "Namespace", "ConfigMap" -> null;
      default -> path(o, "spec", "template", "spec");
    };
    if (node instanceof Map<?, ?> m) {
      out.add((Map<String, Object>) m);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object path(Map<String, Object> o, String... steps) {
    Object n = o;
    for (String s : steps) {
      if (!(n instanceof Map<?, ?> m)) {
        return null;
      }
      n = ((Map<String, Object>) m).get(s);
    }
    return n;
  }

  private static String badName(SplittableRandom r) {
    return Gen.oneOf("Web", "a_b", "-a", "a-", "x".repeat(64), "x".repeat(253), "x".repeat(254), "a.b", "a..b", "my name", "x".repeat(53), "x".repeat(52), "1abc").next(r);
  }

  private static String label(SplittableRandom r, int min, int max) {
    int n = min + r.nextInt(max - min + 1);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(LOWER.charAt(r.nextInt(i == 0 ? 26 : LOWER.length())));
    }
    if (s.length() > 0 && s.charAt(s.length() - 1) == '-') {
      s.setCharAt(s.length() - 1, 'z');
    }
    return s.toString();
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
