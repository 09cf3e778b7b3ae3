package dev.aiinfra.conformance.kueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.Case;
import dev.aiinfra.conformance.Divergence;
import dev.aiinfra.conformance.Outcome;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.ClusterNode;
import dev.aiinfra.scheduling.model.GangKeys;
import dev.aiinfra.scheduling.policy.placement.KueueTasGenerators;
import dev.aiinfra.scheduling.policy.placement.KueueTasGenerators.BoundPod;
import dev.aiinfra.scheduling.policy.placement.KueueTasGenerators.TasPodGroup;
import dev.aiinfra.scheduling.policy.placement.KueueTasGenerators.TasPodSet;
import dev.aiinfra.scheduling.policy.placement.KueueTasGenerators.TasScenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code gang place} for Kueue pod groups against Kueue v0.19.2's TAS
 * ({@code TASFlavorSnapshot.FindTopologyAssignmentsForFlavor}): the scenarios of {@link
 * KueueTasGenerators} rendered as Nodes, bound Pods, a Kueue Topology (or {@code
 * --topology-levels}), an optional ResourceFlavor and the pending pods of each pod group. Compared:
 * exit code, fits, each group's name/minCount/placed, each pod set's name, count and topology
 * assignment (levels, domains with values and counts, in order) and the reasons (code and message).
 * Not compared: per-pod placements (Kueue assigns counts per domain, not pods to nodes).
 */
public final class KueueTasArea implements Area {
  private static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory())
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .build();

  @Override
  public String name() {
    return "KUEUE-TAS";
  }

  @Override
  public Case generate(long caseSeed, String id) {
    // split(): the runner's case seeds are one SplittableRandom gamma apart, so new SplittableRandom(caseSeed)
    // streams of neighbouring cases are the same stream shifted by one draw; split() gives each its own gamma.
    TasScenario s = KueueTasGenerators.scenario().next(new SplittableRandom(caseSeed).split());
    List<String> args = new ArrayList<>(List.of("gang", "place", "-f", "cluster.yaml", "-f", "pods.yaml", "-o", "json"));
    List<Object> cluster = new ArrayList<>();
    if (s.topologyObject()) {
      List<Object> levels = new ArrayList<>();
      s.levels().forEach(l -> levels.add(Map.of("nodeLabel", l)));
      cluster.add(map("apiVersion", "kueue.x-k8s.io/v1beta2", "kind", "Topology", "metadata", map("name", s.topologyName()),
          "spec", map("levels", levels)));
    }
    if (s.levelsFlag()) {
      args.add("--topology-levels");
      // next to a Topology object the flag names other levels: the object must win
      args.add(s.topologyObject() ? KueueTasGenerators.RACK + "," + KueueTasGenerators.HOST : String.join(",", s.levels()));
    }
    s.flavorNodeLabels().ifPresent(labels -> {
      Map<String, Object> spec = map("nodeLabels", labels, "topologyName", s.topologyName());
      if (!s.flavorTolerations().isEmpty()) {
        spec.put("tolerations", tolerations(s.flavorTolerations()));
      }
      cluster.add(map("apiVersion", "kueue.x-k8s.io/v1beta2", "kind", "ResourceFlavor", "metadata", map("name", "tas-flavor"), "spec", spec));
    });
    for (ClusterNode n : s.nodes()) {
      cluster.add(node(n, !s.nodesWithoutReadyCondition().contains(n.name())));
    }
    for (BoundPod b : s.bound()) {
      cluster.add(map("apiVersion", "v1", "kind", "Pod", "metadata", map("name", b.name(), "namespace", "default"),
          "spec", map("nodeName", b.node(), "containers", List.of(container(b.requests()))), "status", map("phase", "Running")));
    }
    List<Object> pods = new ArrayList<>();
    for (TasPodGroup g : s.groups()) {
      int index = 0;
      for (TasPodSet ps : g.podSets()) {
        for (int i = 0; i < ps.count(); i++) {
          pods.add(pod(g, ps, i, index++, null));
        }
      }
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("cluster.yaml", yaml(cluster));
    files.put("pods.yaml", yaml(pods));
    return new Case(id, caseSeed, args, files);
  }

  /** One pending pod of a Kueue pod group, in the queue {@code queue} when it is not null. */
  static Map<String, Object> pod(TasPodGroup g, TasPodSet ps, int i, int index, String queue) {
    Map<String, Object> ann = new LinkedHashMap<>();
    ann.put(GangKeys.KUEUE_POD_GROUP_TOTAL_COUNT, Integer.toString(g.totalCount()));
    ann.putAll(ps.annotations());
    Map<String, Object> spec = map("containers", List.of(container(ps.requests())));
    if (!ps.tolerations().isEmpty()) {
      spec.put("tolerations", tolerations(ps.tolerations()));
    }
    if (!ps.nodeSelector().isEmpty()) {
      spec.put("nodeSelector", ps.nodeSelector());
    }
    if (!ps.requiredAffinityIn().isEmpty()) {
      List<Object> expressions = new ArrayList<>();
      ps.requiredAffinityIn().forEach((k, v) -> expressions.add(map("key", k, "operator", "In", "values", v)));
      spec.put("affinity", map("nodeAffinity", map("requiredDuringSchedulingIgnoredDuringExecution",
          map("nodeSelectorTerms", List.of(map("matchExpressions", expressions))))));
    }
    Map<String, Object> labels = map(GangKeys.KUEUE_PODSET, ps.role(), "kueue.x-k8s.io/pod-group-pod-index", Integer.toString(index));
    if (queue != null) {
      labels.put(GangKeys.KUEUE_QUEUE_NAME, queue);
    }
    if (g.nameAsAnnotation()) {
      ann.put(GangKeys.KUEUE_POD_GROUP_NAME, g.name());
    } else {
      labels.put(GangKeys.KUEUE_POD_GROUP_NAME, g.name());
    }
    return map("apiVersion", "v1", "kind", "Pod", "metadata", map("name", g.name() + "-" + ps.role() + "-" + i, "namespace", "default",
        "labels", labels, "annotations", ann), "spec", spec);
  }

  static Map<String, Object> node(ClusterNode n, boolean readyCondition) {
    Map<String, Object> alloc = new LinkedHashMap<>();
    n.allocatable().asMap().forEach((k, q) -> alloc.put(k, q.toString()));
    Map<String, Object> spec = new LinkedHashMap<>();
    if (n.unschedulable()) {
      spec.put("unschedulable", true);
    }
    if (!n.taints().isEmpty()) {
      List<Object> taints = new ArrayList<>();
      for (Taint t : n.taints()) {
        Map<String, Object> tm = map("key", t.key(), "effect", t.effect().name());
        if (!t.value().isEmpty()) {
          tm.put("value", t.value());
        }
        taints.add(tm);
      }
      spec.put("taints", taints);
    }
    Map<String, Object> out = map("apiVersion", "v1", "kind", "Node", "metadata", map("name", n.name(), "labels", n.labels()));
    if (!spec.isEmpty()) {
      out.put("spec", spec);
    }
    Map<String, Object> status = map("allocatable", alloc);
    if (readyCondition) {
      status.put("conditions", List.of(map("type", "Ready", "status", n.ready() ? "True" : "False")));
    }
    out.put("status", status);
    return out;
  }

  static Map<String, Object> container(ResourceList requests) {
    Map<String, Object> req = new LinkedHashMap<>();
    for (Map.Entry<String, Quantity> e : requests.asMap().entrySet()) {
      req.put(e.getKey(), e.getValue().toString());
    }
    return map("name", "main", "image", "registry.example.com/train:1", "resources", map("requests", req));
  }

  static List<Object> tolerations(List<Toleration> ts) {
    List<Object> out = new ArrayList<>();
    for (Toleration t : ts) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (!t.key().isEmpty()) {
        m.put("key", t.key());
      }
      m.put("operator", t.operator().name());
      if (!t.value().isEmpty()) {
        m.put("value", t.value());
      }
      t.effect().ifPresent(e -> m.put("effect", e.name()));
      out.add(m);
    }
    return out;
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static String yaml(List<Object> docs) {
    StringBuilder b = new StringBuilder();
    try {
      for (Object d : docs) {
        b.append("---\n").append(YAML.writeValueAsString(d));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return b.toString();
  }

  @Override
  public JsonNode project(Case c, Outcome o) {
    return projectPlacement(o);
  }

  /** The compared fields of a {@code gang place} answer: verdict, groups, pod sets, assignments, a queue admission, reasons. */
  static JsonNode projectPlacement(Outcome o) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("exit", o.exit());
    if (o.exit() != 0 && o.exit() != 1) {
      return n;
    }
    JsonNode out = o.json();
    n.set("fits", out.path("fits"));
    ArrayNode groups = n.putArray("podGroups");
    for (JsonNode g : out.path("podGroups")) {
      ObjectNode gn = groups.addObject();
      gn.set("name", g.path("name"));
      gn.set("minCount", g.path("minCount"));
      gn.set("placed", g.path("placed"));
      if (g.has("admission")) {
        gn.set("admission", g.path("admission"));
      }
      ArrayNode sets = gn.putArray("podSets");
      for (JsonNode ps : g.path("podSets")) {
        ObjectNode sn = sets.addObject();
        sn.set("name", ps.path("name"));
        sn.set("count", ps.path("count"));
        if (ps.has("topologyAssignment")) {
          sn.set("topologyAssignment", ps.path("topologyAssignment"));
        }
      }
    }
    n.set("reasons", out.path("reasons"));
    return n;
  }

  @Override
  public List<Divergence> divergences() {
    return List.of(
        new Divergence("slice-level-without-size",
            "a pod with podset-slice-required-topology but no podset-slice-size: Kueue's annotation parsing drops the slice layer"
                + " (and its pod webhook rejects the pod); ai-infra keeps the request and fails it with TAS's own"
                + " \"slice topology requested, but slice size not provided\"",
            "https://github.com/kubernetes-sigs/kueue/blob/v0.19.2/pkg/controller/jobframework/tas.go",
            (c, ours, upstream) -> hasCode(ours, "GANG_SLICE_SIZE_MISSING") && sliceLevelWithoutSize(c)),
        new Divergence("outside-kueue-pod-groups",
            "the oracle answers Kueue TAS only; a pending pod without kueue.x-k8s.io/pod-group-name is a native,"
                + " coscheduling or Volcano gang (not generated here, only reached while shrinking)",
            "https://github.com/kubernetes-sigs/kueue/blob/v0.19.2/pkg/controller/jobs/pod/pod_controller.go",
            (c, ours, upstream) -> upstream.exit() == 2 && upstream.stderr().contains("is not in a Kueue pod group")),
        new Divergence("node-without-ready-condition",
            "ai-infra counts a Node without a Ready condition as Ready (hand-written inventories need no status);"
                + " Kueue's TAS nodes cache keeps only nodes whose Ready condition is True",
            "https://github.com/kubernetes-sigs/kueue/blob/v0.19.2/pkg/cache/scheduler/tas_nodes_cache.go",
            (c, ours, upstream) -> nodeWithoutReadyCondition(c)));
  }

  /** Whether some Node of the case has no Ready condition at all. */
  static boolean nodeWithoutReadyCondition(Case c) {
    String cluster = c.files().get("cluster.yaml");
    if (cluster == null) {
      return false;
    }
    try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(cluster)) {
      while (docs.hasNext()) {
        JsonNode d = docs.next();
        if (!"Node".equals(d.path("kind").asText())) {
          continue;
        }
        boolean ready = false;
        for (JsonNode cond : d.path("status").path("conditions")) {
          ready |= "Ready".equals(cond.path("type").asText());
        }
        if (!ready) {
          return true;
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
    return false;
  }

  static boolean hasCode(Outcome o, String code) {
    for (JsonNode r : o.json().path("reasons")) {
      if (r.path("code").asText().equals(code)) {
        return true;
      }
    }
    return false;
  }

  /** Whether some pending pod names a slice level without a slice size (and without the multi-layer list). */
  static boolean sliceLevelWithoutSize(Case c) {
    String pods = c.files().get("pods.yaml");
    if (pods == null) {
      return false;
    }
    try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(pods)) {
      while (docs.hasNext()) {
        JsonNode ann = docs.next().path("metadata").path("annotations");
        if (ann.has(GangKeys.KUEUE_SLICE_REQUIRED_TOPOLOGY) && !ann.has(GangKeys.KUEUE_SLICE_SIZE)
            && !ann.has(GangKeys.KUEUE_SLICE_REQUIRED_TOPOLOGY_CONSTRAINTS)) {
          return true;
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
    return false;
  }
}
