package dev.aiinfra.conformance.kueue;

import static dev.aiinfra.conformance.kueue.KueueTasArea.container;
import static dev.aiinfra.conformance.kueue.KueueTasArea.map;
import static dev.aiinfra.conformance.kueue.KueueTasArea.tolerations;
import static dev.aiinfra.conformance.kueue.KueueTasArea.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.conformance.Area;
import dev.aiinfra.conformance.Case;
import dev.aiinfra.conformance.Divergence;
import dev.aiinfra.conformance.Outcome;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.quantity.Quantity;
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
 * {@code gang place} with Kueue queues against Kueue v0.19.2's scheduler steps for one workload
 * (queue checks, {@code flavorassigner.Assign} on the cache's snapshot: flavors, quota with cohorts,
 * TAS on the assigned flavor; admitted workloads added to the cache before the next). The nodes,
 * bound pods and pod groups are {@link KueueTasGenerators}' scenarios; on top of them this area
 * generates ResourceFlavors (TAS on two node pools, tainted, or without topology), one or two
 * ClusterQueues (a cohort, borrowing and lending limits, quotas from none to more than the demand,
 * {@code pods} covered or not, a resource left uncovered, a stopped queue, a namespace selector that
 * excludes), LocalQueues and the pods' {@code kueue.x-k8s.io/queue-name}. Compared: what {@link
 * KueueTasArea} compares plus each group's {@code admission} (queues, flavors, quota rows).
 */
public final class KueueAdmitArea implements Area {
  private static final String POOL = "example.com/pool";
  private static final List<String> RESOURCES = List.of("cpu", "memory", "nvidia.com/gpu");

  @Override
  public String name() {
    return "KUEUE-ADMIT";
  }

  @Override
  public Case generate(long caseSeed, String id) {
    SplittableRandom root = new SplittableRandom(caseSeed).split();
    TasScenario s = KueueTasGenerators.scenario().next(root);
    SplittableRandom r = root.split();
    List<Object> cluster = new ArrayList<>();
    List<Object> levels = new ArrayList<>();
    s.levels().forEach(l -> levels.add(Map.of("nodeLabel", l)));
    cluster.add(map("apiVersion", "kueue.x-k8s.io/v1beta2", "kind", "Topology", "metadata", map("name", s.topologyName()),
        "spec", map("levels", levels)));
    List<String> flavorNames = flavors(r, s, cluster);
    Map<String, long[]> demand = demand(s);
    List<String> queues = clusterQueues(r, flavorNames, demand, cluster);
    List<String> localQueues = new ArrayList<>();
    for (String q : queues) {
      localQueues.add("lq-" + q);
      cluster.add(map("apiVersion", "kueue.x-k8s.io/v1beta2", "kind", "LocalQueue", "metadata", map("name", "lq-" + q, "namespace", "default"),
          "spec", map("clusterQueue", q)));
    }
    if (r.nextInt(30) == 0) {
      localQueues.add("lq-gone");
      cluster.add(map("apiVersion", "kueue.x-k8s.io/v1beta2", "kind", "LocalQueue", "metadata", map("name", "lq-gone", "namespace", "default"),
          "spec", map("clusterQueue", "gone")));
    }
    for (ClusterNode n : s.nodes()) {
      cluster.add(KueueTasArea.node(n, !s.nodesWithoutReadyCondition().contains(n.name())));
    }
    for (BoundPod b : s.bound()) {
      cluster.add(map("apiVersion", "v1", "kind", "Pod", "metadata", map("name", b.name(), "namespace", "default"),
          "spec", map("nodeName", b.node(), "containers", List.of(container(b.requests()))), "status", map("phase", "Running")));
    }
    List<Object> pods = new ArrayList<>();
    for (TasPodGroup g : s.groups()) {
      String queue = r.nextInt(30) == 0 ? "nope" : localQueues.get(r.nextInt(localQueues.size()));
      int index = 0;
      for (TasPodSet ps : g.podSets()) {
        for (int i = 0; i < ps.count(); i++) {
          pods.add(KueueTasArea.pod(g, ps, i, index++, queue));
        }
      }
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("cluster.yaml", yaml(cluster));
    files.put("pods.yaml", yaml(pods));
    return new Case(id, caseSeed, List.of("gang", "place", "-f", "cluster.yaml", "-f", "pods.yaml", "-o", "json"), files);
  }

  /** One to three flavors: a TAS flavor on the GPU pool, sometimes one on the CPU pool, a tainted one, or one without topology. */
  private static List<String> flavors(SplittableRandom r, TasScenario s, List<Object> cluster) {
    List<String> names = new ArrayList<>();
    names.add("gpu");
    Map<String, Object> gpu = map("nodeLabels", Map.of(POOL, "gpu"), "topologyName", s.topologyName());
    if (r.nextBoolean()) {
      gpu.put("tolerations", tolerations(List.of(Toleration.exists(KueueTasGenerators.GPU_TAINT.key()))));
    }
    if (r.nextInt(8) == 0) {
      gpu.put("nodeTaints", List.of(map("key", "example.com/reserved", "value", "team-a", "effect", "NoSchedule")));
    }
    cluster.add(flavor("gpu", gpu));
    if (r.nextBoolean()) {
      names.add("cpu");
      cluster.add(flavor("cpu", map("nodeLabels", Map.of(POOL, "cpu"), "topologyName", s.topologyName())));
    }
    if (r.nextInt(8) == 0) {
      names.add(r.nextBoolean() ? 0 : names.size(), "plain");
      cluster.add(flavor("plain", map("nodeLabels", Map.of(POOL, "gpu"))));
    }
    return names;
  }

  private static Map<String, Object> flavor(String name, Map<String, Object> spec) {
    return map("apiVersion", "kueue.x-k8s.io/v1beta2", "kind", "ResourceFlavor", "metadata", map("name", name), "spec", spec);
  }

  /** Total requests of every pod group, per resource, in Kueue's units (millicores, bytes, counts). */
  private static Map<String, long[]> demand(TasScenario s) {
    Map<String, long[]> out = new LinkedHashMap<>();
    for (String res : RESOURCES) {
      out.put(res, new long[] {0});
    }
    out.put("pods", new long[] {0});
    for (TasPodGroup g : s.groups()) {
      for (TasPodSet ps : g.podSets()) {
        for (String res : RESOURCES) {
          Quantity q = ps.requests().asMap().get(res);
          if (q != null) {
            out.get(res)[0] += (res.equals("cpu") ? q.milliValue() : q.longValue()) * ps.count();
          }
        }
        out.get("pods")[0] += ps.count();
      }
    }
    return out;
  }

  /** One ClusterQueue, or two in a cohort; quotas from none to twice the demand, with limits when in a cohort. */
  private static List<String> clusterQueues(SplittableRandom r, List<String> flavors, Map<String, long[]> demand, List<Object> cluster) {
    int count = r.nextInt(3) == 0 ? 2 : 1;
    boolean cohort = count == 2 || r.nextInt(6) == 0;
    List<String> covered = new ArrayList<>(RESOURCES);
    if (r.nextInt(15) == 0) {
      covered.remove("memory");
    }
    if (r.nextInt(8) == 0) {
      covered.add("pods");
    }
    List<String> names = new ArrayList<>();
    for (int q = 0; q < count; q++) {
      String name = q == 0 ? "team-a" : "team-b";
      names.add(name);
      List<Object> flavorQuotas = new ArrayList<>();
      for (String f : flavors) {
        List<Object> quotas = new ArrayList<>();
        for (String res : covered) {
          long d = demand.get(res)[0];
          long nominal = switch (r.nextInt(6)) {
            case 0 -> 0;
            case 1 -> d / 2;
            case 2 -> d;
            case 3 -> 2 * d;
            case 4 -> d + 1 + r.nextInt(4);
            default -> 1_000_000;
          };
          Map<String, Object> quota = map("name", res, "nominalQuota", quantity(res, nominal));
          if (cohort && r.nextInt(3) == 0) {
            quota.put("borrowingLimit", quantity(res, r.nextInt(3) == 0 ? 0 : d / 2));
          }
          if (cohort && r.nextInt(3) == 0) {
            quota.put("lendingLimit", quantity(res, nominal == 0 ? 0 : (long) (r.nextDouble() * nominal)));
          }
          quotas.add(quota);
        }
        flavorQuotas.add(map("name", f, "resources", quotas));
      }
      Map<String, Object> spec = map("resourceGroups", List.of(map("coveredResources", covered, "flavors", flavorQuotas)));
      if (cohort) {
        spec.put("cohortName", "research");
      }
      switch (r.nextInt(20)) {
        case 0 -> { }
        case 1 -> spec.put("namespaceSelector", map("matchLabels", Map.of("kubernetes.io/metadata.name", "other")));
        default -> spec.put("namespaceSelector", Map.of());
      }
      if (r.nextInt(30) == 0) {
        spec.put("stopPolicy", "Hold");
      }
      cluster.add(map("apiVersion", "kueue.x-k8s.io/v1beta2", "kind", "ClusterQueue", "metadata", map("name", name), "spec", spec));
    }
    return names;
  }

  private static String quantity(String resource, long units) {
    return resource.equals("cpu") ? units + "m" : Long.toString(units);
  }

  @Override
  public JsonNode project(Case c, Outcome o) {
    return KueueTasArea.projectPlacement(o);
  }

  private static final java.util.regex.Pattern POD_SET = java.util.regex.Pattern.compile("couldn't assign flavors to pod set ([^:]+):");

  /** Whether the reasons differ, and every differing pair names two different pod sets. */
  private static boolean otherPodSetNamed(Outcome ours, Outcome upstream) {
    JsonNode a = ours.json().path("reasons");
    JsonNode b = upstream.json().path("reasons");
    if (a.size() != b.size() || a.equals(b)) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      String x = a.get(i).path("message").asText();
      String y = b.get(i).path("message").asText();
      if (x.equals(y)) {
        continue;
      }
      java.util.regex.Matcher mx = POD_SET.matcher(x);
      java.util.regex.Matcher my = POD_SET.matcher(y);
      if (!mx.find() || !my.find() || mx.group(1).equals(my.group(1))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public List<Divergence> divergences() {
    return List.of(
        new Divergence("slice-level-without-size",
            "a pod with podset-slice-required-topology but no podset-slice-size: Kueue's annotation parsing drops the slice layer"
                + " (and its pod webhook rejects the pod); ai-infra keeps the request and refuses it",
            "https://github.com/kubernetes-sigs/kueue/blob/v0.19.2/pkg/controller/jobframework/tas.go",
            (c, ours, upstream) -> KueueTasArea.sliceLevelWithoutSize(c)),
        new Divergence("tas-failure-names-any-failing-pod-set",
            "when several pod sets of a workload fail topology placement (a leader and its workers, or pod sets on different"
                + " TAS flavors, which Kueue places flavor by flavor in name order), Kueue reports the failure of whichever"
                + " pod set its map iteration meets first (TASAssignmentsResult.Failure ranges over a Go map), so the oracle"
                + " names one of them at random; ai-infra reports the first pod set that fails in pod-set order. Predicate:"
                + " every reason that differs names a different pod set after \"couldn't assign flavors to pod set\"",
            "https://github.com/kubernetes-sigs/kueue/blob/v0.19.2/pkg/cache/scheduler/tas_flavor_snapshot.go",
            (c, ours, upstream) -> ours.exit() == upstream.exit() && otherPodSetNamed(ours, upstream)),
        new Divergence("outside-kueue-pod-groups",
            "the oracle answers Kueue pod groups only; a pending pod without kueue.x-k8s.io/pod-group-name is another kind of gang"
                + " (not generated here, only reached while shrinking)",
            "https://github.com/kubernetes-sigs/kueue/blob/v0.19.2/pkg/controller/jobs/pod/pod_controller.go",
            (c, ours, upstream) -> upstream.exit() == 2 && (upstream.stderr().contains("is not in a Kueue pod group")
                || upstream.stderr().contains("has no kueue.x-k8s.io/queue-name"))),
        new Divergence("node-without-ready-condition",
            "ai-infra counts a Node without a Ready condition as Ready (hand-written inventories need no status);"
                + " Kueue's TAS nodes cache keeps only nodes whose Ready condition is True",
            "https://github.com/kubernetes-sigs/kueue/blob/v0.19.2/pkg/cache/scheduler/tas_nodes_cache.go",
            (c, ours, upstream) -> KueueTasArea.nodeWithoutReadyCondition(c)));
  }
}
