package dev.aiinfra.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.model.manifest.ApiVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where each workload kind keeps its pod specs: Pod, PodTemplate, Deployment, StatefulSet,
 * DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, and the CRD-backed JobSet,
 * LeaderWorkerSet (leader and worker), DisaggregatedSet roles, Agent Sandbox and SandboxTemplate,
 * and llmaz inference Service. Paths use {@code *} for every element of a list.
 */
public final class PodTemplates {
  private static final Map<String, List<String>> PATHS =
      Map.ofEntries(
          Map.entry("/Pod", List.of("spec")),
          Map.entry("/PodTemplate", List.of("template.spec")),
          Map.entry("/ReplicationController", List.of("spec.template.spec")),
          Map.entry("apps/Deployment", List.of("spec.template.spec")),
          Map.entry("apps/StatefulSet", List.of("spec.template.spec")),
          Map.entry("apps/DaemonSet", List.of("spec.template.spec")),
          Map.entry("apps/ReplicaSet", List.of("spec.template.spec")),
          Map.entry("batch/Job", List.of("spec.template.spec")),
          Map.entry("batch/CronJob", List.of("spec.jobTemplate.spec.template.spec")),
          Map.entry("jobset.x-k8s.io/JobSet", List.of("spec.replicatedJobs.*.template.spec.template.spec")),
          Map.entry(
              "leaderworkerset.x-k8s.io/LeaderWorkerSet",
              List.of(
                  "spec.leaderWorkerTemplate.leaderTemplate.spec",
                  "spec.leaderWorkerTemplate.workerTemplate.spec")),
          Map.entry(
              "disaggregatedset.x-k8s.io/DisaggregatedSet",
              List.of(
                  "spec.roles.*.spec.leaderWorkerTemplate.leaderTemplate.spec",
                  "spec.roles.*.spec.leaderWorkerTemplate.workerTemplate.spec")),
          Map.entry("agents.x-k8s.io/Sandbox", List.of("spec.podTemplate.spec")),
          Map.entry("extensions.agents.x-k8s.io/SandboxTemplate", List.of("spec.podTemplate.spec")),
          Map.entry(
              "inference.llmaz.io/Service",
              List.of("spec.workloadTemplate.leaderTemplate.spec", "spec.workloadTemplate.workerTemplate.spec")));

  private PodTemplates() {}

  /** Whether objects of this kind carry pod specs ai-infra knows how to find. */
  public static boolean hasPodTemplates(String apiVersion, String kind) {
    return PATHS.containsKey(ApiVersions.group(apiVersion) + "/" + kind);
  }

  /** Every pod spec present in {@code tree} (an object's JSON tree), in document order. */
  public static List<PodTemplateSite> find(ObjectNode tree) {
    String apiVersion = tree.path("apiVersion").asText();
    String kind = tree.path("kind").asText();
    List<PodTemplateSite> sites = new ArrayList<>();
    for (String pattern : PATHS.getOrDefault(ApiVersions.group(apiVersion) + "/" + kind, List.of())) {
      collect(tree, null, pattern.split("\\."), 0, "", sites);
    }
    return sites;
  }

  /**
   * The paths of pod specs {@code tree} must have but lacks (absent, null or not a map): every
   * site of its kind except a LeaderWorkerSet's optional leader template; inside a list, for each
   * element present ({@code spec.replicatedJobs[1].template.spec.template.spec}). A workload
   * without them has no pods to run, and every command that expands it refuses it.
   */
  public static List<String> missing(ObjectNode tree) {
    String kind = ApiVersions.group(tree.path("apiVersion").asText()) + "/" + tree.path("kind").asText();
    List<String> out = new ArrayList<>();
    for (String pattern : PATHS.getOrDefault(kind, List.of())) {
      if (!pattern.contains("leaderTemplate")) {
        absent(tree, pattern.split("\\."), 0, "", out);
      }
    }
    return out;
  }

  private static void absent(JsonNode node, String[] steps, int i, String path, List<String> out) {
    if (i == steps.length) {
      if (!node.isObject()) {
        out.add(path);
      }
      return;
    }
    if (steps[i].equals("*")) {
      if (node.isArray()) {
        for (int k = 0; k < node.size(); k++) {
          absent(node.get(k), steps, i + 1, path + "[" + k + "]", out);
        }
      }
      return;
    }
    String next = path.isEmpty() ? steps[i] : path + "." + steps[i];
    JsonNode child = node.isObject() ? node.get(steps[i]) : null;
    if (child == null || child.isNull()) {
      // nothing below exists; a list further down has no elements that could need a pod spec
      if (!java.util.Arrays.asList(steps).subList(i + 1, steps.length).contains("*")) {
        out.add(fill(next, steps, i + 1));
      }
      return;
    }
    absent(child, steps, i + 1, next, out);
  }

  /** {@code path} followed by the pattern's remaining steps. */
  private static String fill(String path, String[] steps, int from) {
    StringBuilder b = new StringBuilder(path);
    for (int i = from; i < steps.length; i++) {
      b.append('.').append(steps[i]);
    }
    return b.toString();
  }

  private static void collect(JsonNode node, JsonNode parent, String[] steps, int i, String path, List<PodTemplateSite> out) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return;
    }
    if (i == steps.length) {
      if (node.isObject()) {
        out.add(new PodTemplateSite(path, (ObjectNode) node, parent == null ? null : parent.get("metadata")));
      }
      return;
    }
    if (steps[i].equals("*")) {
      if (node.isArray()) {
        for (int k = 0; k < node.size(); k++) {
          collect(node.get(k), node, steps, i + 1, path + "[" + k + "]", out);
        }
      }
      return;
    }
    collect(node.get(steps[i]), node, steps, i + 1, path.isEmpty() ? steps[i] : path + "." + steps[i], out);
  }
}
