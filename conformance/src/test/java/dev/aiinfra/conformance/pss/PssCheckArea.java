package dev.aiinfra.conformance.pss;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.Case;
import dev.aiinfra.conformance.Divergence;
import dev.aiinfra.conformance.Outcome;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.sandbox.policy.pss.PodSecurityGenerators;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code pss check} against Pod Security Admission's evaluator ({@code policy.DefaultChecks}) at
 * every policy version v1.0…v1.36, {@code latest} and newer, for Pods and every pod-template owner
 * the SDK reads, with pod templates that reach every check.
 */
public final class PssCheckArea implements Area {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Sysctls allowed from policy v1.37, which the v0.36.3 module does not know. */
  static final Set<String> V137_SYSCTLS = Set.of("net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat");

  private static final List<String> OWNERS = List.of("Pod", "Pod", "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
      "ReplicationController", "PodTemplate", "Job", "CronJob", "JobSet", "LeaderWorkerSet", "DisaggregatedSet", "Sandbox",
      "SandboxTemplate", "LlmazService");

  @Override
  public String name() {
    return "PSS";
  }

  @Override
  public Case generate(long caseSeed, String id) {
    SplittableRandom r = new SplittableRandom(caseSeed);
    List<String> args = new ArrayList<>(List.of("pss", "check", "-o", "json"));
    double v = r.nextDouble();
    if (v < 0.75) {
      args.addAll(List.of("--version", "v1." + r.nextInt(37)));
    } else if (v < 0.88) {
      args.addAll(List.of("--version", "latest"));
    } else if (v < 0.95) {
      args.addAll(List.of("--version", Gen.oneOf("v1.37", "v1.38", "v1.100", "v1.999999", "v1.1234567", "v1.99999999999999999999").next(r)));
    } else if (v < 0.97) {
      args.addAll(List.of("--version", Gen.oneOf("v1.x", "1.25", "v2.0", "v1.01", "v1.", "").next(r)));
    }
    double l = r.nextDouble();
    if (l < 0.45) {
      args.addAll(List.of("--level", "baseline"));
    } else if (l < 0.9) {
      args.addAll(List.of("--level", "restricted"));
    } else if (l < 0.92) {
      args.addAll(List.of("--level", Gen.oneOf("privileged", "Baseline", "strict").next(r)));
    }
    Map<String, String> files = new LinkedHashMap<>();
    double o = r.nextDouble();
    int objects = o < 0.01 ? 0 : o < 0.8 ? 1 : 2 + r.nextInt(2);
    for (int i = 0; i < objects; i++) {
      String kind = Gen.oneOf(OWNERS).next(r);
      Map<String, Object> obj = owner(kind, "o" + i, r);
      if (r.nextDouble() < 0.03) {
        breakOneField(obj, r);
      }
      String file = "o" + i + ".yaml";
      files.put(file, json(obj));
      args.addAll(List.of("-f", file));
    }
    if (objects == 0 || r.nextDouble() < 0.05) {
      // a kind without pod templates: skipped with a note; alone it is a usage error (exit 2)
      files.put("cm.yaml", json(Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "cm"), "data", Map.of("k", "v"))));
      args.addAll(List.of("-f", "cm.yaml"));
    }
    return new Case(id, caseSeed, args, files);
  }

  /** Gives one field the checks read a value of the wrong type (the input is then invalid: exit 2). */
  @SuppressWarnings("unchecked")
  private static void breakOneField(Map<String, Object> obj, SplittableRandom r) {
    Map<String, Object> spec = (Map<String, Object>) obj.get("spec");
    if (!"Pod".equals(obj.get("kind")) || spec == null) {
      return;
    }
    Map<String, Object> c = (Map<String, Object>) ((List<Object>) spec.get("containers")).get(0);
    Map<String, Object> sc = (Map<String, Object>) c.computeIfAbsent("securityContext", k -> new LinkedHashMap<>());
    switch (r.nextInt(6)) {
      case 0 -> spec.put("hostNetwork", "yes");
      case 1 -> sc.put("privileged", "true");
      case 2 -> sc.put("runAsUser", "0");
      case 3 -> c.put("ports", List.of(Map.of("containerPort", 80, "hostPort", "80")));
      case 4 -> sc.put("capabilities", Map.of("add", "NET_RAW"));
      default -> spec.put("securityContext", Map.of("sysctls", Map.of("name", "x")));
    }
  }

  private static String json(Object o) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> template(SplittableRandom r) {
    return PodSecurityGenerators.podTemplateTrees().next(r);
  }

  private static Map<String, Object> meta(String name, SplittableRandom r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    if (r.nextDouble() < 0.6) {
      m.put("namespace", Gen.oneOf("default", "team-a", "ml").next(r));
    }
    return m;
  }

  private static Map<String, Object> object(String apiVersion, String kind, String name, SplittableRandom r, Map<String, Object> spec) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("apiVersion", apiVersion);
    o.put("kind", kind);
    o.put("metadata", meta(name, r));
    o.put("spec", spec);
    return o;
  }

  private static Map<String, Object> selectorTemplate(SplittableRandom r) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("selector", Map.of("matchLabels", Map.of("app", "w")));
    spec.put("template", template(r));
    return spec;
  }

  private static Map<String, Object> lwsSpec(SplittableRandom r) {
    Map<String, Object> lwt = new LinkedHashMap<>();
    lwt.put("size", 2);
    if (r.nextBoolean()) {
      lwt.put("leaderTemplate", template(r));
    }
    lwt.put("workerTemplate", template(r));
    return new LinkedHashMap<>(Map.of("replicas", 1, "leaderWorkerTemplate", lwt));
  }

  static Map<String, Object> owner(String kind, String name, SplittableRandom r) {
    switch (kind) {
      case "Pod": {
        Map<String, Object> t = template(r);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", "v1");
        o.put("kind", "Pod");
        Map<String, Object> m = meta(name, r);
        @SuppressWarnings("unchecked")
        Map<String, Object> tm = (Map<String, Object>) t.get("metadata");
        m.putAll(tm);
        o.put("metadata", m);
        o.put("spec", t.get("spec"));
        return o;
      }
      case "Deployment":
      case "StatefulSet":
      case "DaemonSet":
      case "ReplicaSet":
        return object("apps/v1", kind, name, r, selectorTemplate(r));
      case "ReplicationController":
        return object("v1", kind, name, r, new LinkedHashMap<>(Map.of("selector", Map.of("app", "w"), "template", template(r))));
      case "PodTemplate": {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", "v1");
        o.put("kind", "PodTemplate");
        o.put("metadata", meta(name, r));
        o.put("template", template(r));
        return o;
      }
      case "Job":
        return object("batch/v1", kind, name, r, new LinkedHashMap<>(Map.of("template", template(r))));
      case "CronJob":
        return object("batch/v1", kind, name, r, new LinkedHashMap<>(Map.of("schedule", "*/5 * * * *",
            "jobTemplate", Map.of("spec", Map.of("template", template(r))))));
      case "JobSet": {
        List<Object> jobs = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
          jobs.add(Map.of("name", "rj" + i, "replicas", 1, "template", Map.of("spec", Map.of("template", template(r)))));
        }
        return object("jobset.x-k8s.io/v1alpha2", kind, name, r, new LinkedHashMap<>(Map.of("replicatedJobs", jobs)));
      }
      case "LeaderWorkerSet":
        return object("leaderworkerset.x-k8s.io/v1", kind, name, r, lwsSpec(r));
      case "DisaggregatedSet": {
        List<Object> roles = new ArrayList<>();
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
          roles.add(Map.of("name", i == 0 ? "prefill" : "decode", "spec", lwsSpec(r)));
        }
        return object("disaggregatedset.x-k8s.io/v1", kind, name, r, new LinkedHashMap<>(Map.of("roles", roles)));
      }
      case "Sandbox":
        return object("agents.x-k8s.io/v1alpha1", kind, name, r, new LinkedHashMap<>(Map.of("podTemplate", template(r))));
      case "SandboxTemplate":
        return object("extensions.agents.x-k8s.io/v1alpha1", kind, name, r, new LinkedHashMap<>(Map.of("podTemplate", template(r))));
      case "LlmazService": {
        Map<String, Object> wt = new LinkedHashMap<>();
        wt.put("size", 2);
        if (r.nextBoolean()) {
          wt.put("leaderTemplate", template(r));
        }
        wt.put("workerTemplate", template(r));
        return object("inference.llmaz.io/v1alpha1", "Service", name, r,
            new LinkedHashMap<>(Map.of("modelClaims", Map.of("models", List.of(Map.of("name", "m"))), "workloadTemplate", wt)));
      }
      default:
        throw new IllegalArgumentException(kind);
    }
  }

  @Override
  public JsonNode project(Case c, Outcome o) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("exit", o.exit());
    if (o.exit() == 0 || o.exit() == 1) {
      n.set("result", o.json());
    }
    return n;
  }

  @Override
  public List<Divergence> divergences() {
    return List.of(new Divergence("policy-v1.37-sysctls",
        "the oracle's pod-security-admission v0.36.3 has no policy v1.37, which allows net.ipv4.tcp_slow_start_after_idle and"
            + " net.ipv4.tcp_notsent_lowat; for latest and v1.37+ it evaluates its newest version, the SDK v1.37",
        "https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/pod-security-admission/policy/check_sysctls.go",
        PssCheckArea::onlyV137Sysctls));
  }

  /**
   * The version is latest or v1.37+, and every difference is in the sysctls check: upstream's
   * forbidden list minus the two v1.37 names is ours (ours absent when nothing else is forbidden),
   * and the verdicts follow from that alone.
   */
  static boolean onlyV137Sysctls(Case c, Outcome ours, Outcome upstream) {
    int at = c.args().indexOf("--version");
    String version = at < 0 ? "v1.36" : c.args().get(at + 1); // the default: the default Kubernetes minor
    boolean newer = version.equals("latest")
        || (version.matches("v1\\.(0|[1-9][0-9]*)") && new java.math.BigInteger(version.substring(3)).compareTo(java.math.BigInteger.valueOf(37)) >= 0);
    if (!newer) {
      return false;
    }
    JsonNode a = ours.json().path("objects");
    JsonNode b = upstream.json().path("objects");
    if (!a.isArray() || !b.isArray() || a.size() != b.size()) {
      return false;
    }
    boolean anyDenied = false;
    String gate = c.args().contains("--level") ? c.args().get(c.args().indexOf("--level") + 1) : "restricted";
    for (int i = 0; i < a.size(); i++) {
      ObjectNode expected = b.get(i).deepCopy();
      for (String level : List.of("baseline", "restricted")) {
        ObjectNode verdict = (ObjectNode) expected.get(level);
        com.fasterxml.jackson.databind.node.ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (JsonNode violation : verdict.get("violations")) {
          if (!violation.path("check").asText().equals("sysctls")) {
            kept.add(violation);
            continue;
          }
          String rewritten = withoutV137(violation.path("message").asText());
          if (rewritten != null) {
            kept.add(JsonNodeFactory.instance.objectNode().put("check", "sysctls").put("message", rewritten));
          }
        }
        verdict.set("violations", kept);
        verdict.put("allowed", kept.isEmpty());
      }
      if (!expected.equals(a.get(i))) {
        return false;
      }
      anyDenied |= !expected.path(gate).path("allowed").asBoolean(true);
    }
    return ours.exit() == (anyDenied ? 1 : 0) && upstream.exit() <= 1;
  }

  /** {@code forbidden sysctls (a, b)} without the v1.37 names; null when none is left. Only single-template details. */
  private static String withoutV137(String message) {
    String prefix = "forbidden sysctls (";
    if (!message.startsWith(prefix) || !message.endsWith(")")) {
      return message;
    }
    String inner = message.substring(prefix.length(), message.length() - 1);
    String path = "";
    int colon = inner.indexOf(": ");
    if (colon >= 0 && inner.startsWith("spec")) {
      path = inner.substring(0, colon + 2);
      inner = inner.substring(colon + 2);
    }
    List<String> names = new ArrayList<>(Arrays.asList(inner.split(", ", -1)));
    boolean hadV137 = names.removeIf(V137_SYSCTLS::contains);
    if (!hadV137) {
      return message;
    }
    if (names.isEmpty()) {
      return null;
    }
    String detail = path + String.join(", ", names);
    // A remaining sysctl with an empty name leaves an empty detail, which is composed without "()".
    return detail.isEmpty() ? "forbidden sysctls" : prefix + detail + ")";
  }
}
