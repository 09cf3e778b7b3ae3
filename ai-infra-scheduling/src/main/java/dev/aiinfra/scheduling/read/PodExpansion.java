package dev.aiinfra.scheduling.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.index.PodIndexKeys;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.core.read.TreeBinding;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands workload objects into the pods their controllers create, with the names, index labels and
 * annotations those controllers set (DOMAIN.md {@code crd-facts.md} §1, §2, §10):
 *
 * <ul>
 *   <li>Job: {@code min(parallelism, completions)} pods {@code <job>-<i>}, with the completion-index
 *       label and annotation when Indexed;
 *   <li>JobSet: for each replicated job, {@code replicas × parallelism} pods {@code
 *       <js>-<rjob>-<jobIndex>-<podIndex>} with the JobSet labels;
 *   <li>LeaderWorkerSet: per group a leader {@code <lws>-<g>} and workers {@code <lws>-<g>-<w>},
 *       with the LWS labels;
 *   <li>StatefulSet: {@code replicas} pods {@code <sts>-<i>} with the KEP-4017 pod-index label.
 * </ul>
 */
final class PodExpansion {
  private static final ObjectMapper JSON = Json.mapper();

  private PodExpansion() {}

  static List<ExpandedPod> expand(SourcedObject o) {
    HasMetadata obj = o.object();
    JsonNode tree = JSON.valueToTree(obj);
    String ns = obj.getMetadata().getNamespace() == null ? "default" : obj.getMetadata().getNamespace();
    String name = obj.getMetadata().getName();
    switch (obj.getKind()) {
      case "Pod":
        return pod(o, ns, name);
      case "Job":
        return jobPods(o, tree.path("spec"), ns, name);
      case "StatefulSet":
        return statefulSetPods(o, tree.path("spec"), ns, name);
      case "JobSet":
        return jobSetPods(o, tree, ns, name);
      case "LeaderWorkerSet":
        return leaderWorkerSetPods(o, tree, ns, name);
      default:
        return new ArrayList<>();
    }
  }

  /** A bare Pod is its own pod. */
  private static List<ExpandedPod> pod(SourcedObject o, String ns, String name) {
    Pod p = (Pod) o.object();
    List<ExpandedPod> out = new ArrayList<>();
    out.add(new ExpandedPod(name, ns, orEmpty(p.getMetadata().getLabels()), orEmpty(p.getMetadata().getAnnotations()),
        p.getSpec() == null ? new PodSpec() : p.getSpec(), o, "spec", "Pod/" + name));
    return out;
  }

  /** The Job controller's pods: {@code min(parallelism, completions)}, indexed when the completion mode is Indexed. */
  private static List<ExpandedPod> jobPods(SourcedObject o, JsonNode spec, String ns, String name) {
    int parallelism = spec.path("parallelism").asInt(1);
    int completions = spec.has("completions") ? spec.path("completions").asInt() : parallelism;
    boolean indexed = "Indexed".equals(spec.path("completionMode").asText());
    PodTemplateSpec t = template(o, spec.path("template"), "spec.template");
    List<ExpandedPod> out = new ArrayList<>();
    for (int i = 0; i < Math.min(parallelism, completions); i++) {
      Map<String, String> labels = labels(t);
      Map<String, String> annotations = annotations(t);
      labels.put(PodIndexKeys.JOB_NAME, name);
      if (indexed) {
        labels.put(PodIndexKeys.JOB_COMPLETION_INDEX, Integer.toString(i));
        annotations.put(PodIndexKeys.JOB_COMPLETION_INDEX, Integer.toString(i));
      }
      out.add(new ExpandedPod(name + "-" + i, ns, labels, annotations, t.getSpec(), o, "spec.template.spec", "Job/" + name));
    }
    return out;
  }

  /** The StatefulSet controller's pods: {@code replicas} ordinals with the KEP-4017 pod-index label. */
  private static List<ExpandedPod> statefulSetPods(SourcedObject o, JsonNode spec, String ns, String name) {
    int replicas = spec.path("replicas").asInt(1);
    PodTemplateSpec t = template(o, spec.path("template"), "spec.template");
    List<ExpandedPod> out = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      Map<String, String> labels = labels(t);
      labels.put(PodIndexKeys.STATEFULSET_POD_INDEX, Integer.toString(i));
      labels.put(PodIndexKeys.STATEFULSET_POD_NAME, name + "-" + i);
      out.add(new ExpandedPod(name + "-" + i, ns, labels, annotations(t), t.getSpec(), o, "spec.template.spec", "StatefulSet/" + name));
    }
    return out;
  }

  /**
   * The JobSet controller's pods: every replicated job's Jobs, each expanded as the Job controller
   * would, with the job-key label and the exclusive-topology annotation (the JobSet's, or the
   * replicated job template's, which wins) the controller copies to them.
   */
  private static List<ExpandedPod> jobSetPods(SourcedObject o, JsonNode tree, String ns, String name) {
    JsonNode rjobs = tree.path("spec").path("replicatedJobs");
    Map<String, String> exclusive = exclusiveAnnotations(tree.path("metadata").path("annotations"), new LinkedHashMap<>());
    if (!rjobs.isMissingNode() && !rjobs.isNull() && !rjobs.isArray()) {
      throw new ManifestReadException(List.of(o.error("spec.replicatedJobs", "Invalid value: must be a list")));
    }
    List<ExpandedPod> out = new ArrayList<>();
    int global = 0;
    for (int k = 0; k < rjobs.size(); k++) {
      JsonNode rj = rjobs.get(k);
      String rjName = rj.path("name").asText();
      int replicas = rj.path("replicas").asInt(1);
      JsonNode jobSpec = rj.path("template").path("spec");
      int parallelism = jobSpec.path("parallelism").asInt(1);
      int completions = jobSpec.has("completions") ? jobSpec.path("completions").asInt() : parallelism;
      String path = "spec.replicatedJobs[" + k + "].template.spec.template";
      PodTemplateSpec t = template(o, jobSpec.path("template"), path);
      Map<String, String> rjExclusive = exclusiveAnnotations(rj.path("template").path("metadata").path("annotations"), new LinkedHashMap<>(exclusive));
      for (int j = 0; j < replicas; j++, global++) {
        String jobName = name + "-" + rjName + "-" + j;
        for (int p = 0; p < Math.min(parallelism, completions); p++) {
          Map<String, String> labels = labels(t);
          labels.put(PodIndexKeys.JOBSET_NAME, name);
          labels.put(PodIndexKeys.JOBSET_REPLICATED_JOB_NAME, rjName);
          labels.put(PodIndexKeys.JOBSET_JOB_INDEX, Integer.toString(j));
          labels.put(PodIndexKeys.JOBSET_JOB_GLOBAL_INDEX, Integer.toString(global));
          labels.put(PodIndexKeys.JOB_COMPLETION_INDEX, Integer.toString(p));
          labels.put(PodIndexKeys.JOBSET_JOB_KEY, ExclusivePlacement.sha1(ns + "/" + jobName));
          Map<String, String> annotations = annotations(t);
          annotations.putAll(rjExclusive);
          out.add(new ExpandedPod(name + "-" + rjName + "-" + j + "-" + p, ns, labels,
              annotations, t.getSpec(), o, path + ".spec", "JobSet/" + name + "/" + rjName));
        }
      }
    }
    return out;
  }

  /**
   * The LeaderWorkerSet controller's pods: per group a leader (the worker template without a leader
   * template) and its workers, with the group-key label and the LWS's exclusive-topology annotation.
   */
  private static List<ExpandedPod> leaderWorkerSetPods(SourcedObject o, JsonNode tree, String ns, String name) {
    JsonNode spec = tree.path("spec");
    String exclusive = tree.path("metadata").path("annotations").path(PodIndexKeys.LWS_EXCLUSIVE_TOPOLOGY).asText(null);
    int replicas = spec.path("replicas").asInt(1);
    JsonNode lwt = spec.path("leaderWorkerTemplate");
    int size = lwt.path("size").asInt(1);
    PodTemplateSpec worker = template(o, lwt.path("workerTemplate"), "spec.leaderWorkerTemplate.workerTemplate");
    boolean hasLeader = lwt.has("leaderTemplate") && !lwt.path("leaderTemplate").isNull();
    PodTemplateSpec leader = hasLeader ? template(o, lwt.path("leaderTemplate"), "spec.leaderWorkerTemplate.leaderTemplate") : worker;
    List<ExpandedPod> out = new ArrayList<>();
    for (int g = 0; g < replicas; g++) {
      for (int w = 0; w < size; w++) {
        PodTemplateSpec t = w == 0 ? leader : worker;
        Map<String, String> labels = labels(t);
        labels.put(PodIndexKeys.LWS_NAME, name);
        labels.put(PodIndexKeys.LWS_GROUP_INDEX, Integer.toString(g));
        labels.put(PodIndexKeys.LWS_WORKER_INDEX, Integer.toString(w));
        Map<String, String> annotations = annotations(t);
        annotations.put(PodIndexKeys.LWS_SIZE, Integer.toString(size));
        labels.put(PodIndexKeys.LWS_GROUP_KEY, ExclusivePlacement.sha1(ns + "/" + name + "-" + g));
        if (exclusive != null) {
          annotations.put(PodIndexKeys.LWS_EXCLUSIVE_TOPOLOGY, exclusive);
        }
        String podName = w == 0 ? name + "-" + g : name + "-" + g + "-" + w;
        out.add(new ExpandedPod(podName, ns, labels, annotations, t.getSpec(), o,
            w == 0 && hasLeader ? "spec.leaderWorkerTemplate.leaderTemplate.spec" : "spec.leaderWorkerTemplate.workerTemplate.spec",
            "LeaderWorkerSet/" + name + "/" + g));
      }
    }
    return out;
  }

  /** {@code into} with the exclusive-placement annotations found in {@code annotations} (JSON) put in. */
  private static Map<String, String> exclusiveAnnotations(JsonNode annotations, Map<String, String> into) {
    for (String key : List.of(PodIndexKeys.JOBSET_EXCLUSIVE_TOPOLOGY, ExclusivePlacement.JOBSET_NODE_SELECTOR_STRATEGY)) {
      if (annotations.path(key).isTextual()) {
        into.put(key, annotations.path(key).asText());
      }
    }
    return into;
  }

  /** A fresh, mutable copy of the template's labels. */
  private static Map<String, String> labels(PodTemplateSpec t) {
    return new LinkedHashMap<>(orEmpty(t.getMetadata() == null ? null : t.getMetadata().getLabels()));
  }

  /** A fresh, mutable copy of the template's annotations. */
  private static Map<String, String> annotations(PodTemplateSpec t) {
    return new LinkedHashMap<>(orEmpty(t.getMetadata() == null ? null : t.getMetadata().getAnnotations()));
  }

  private static PodTemplateSpec template(SourcedObject o, JsonNode node, String path) {
    if (node.isMissingNode() || node.isNull() || !node.path("spec").isObject()) {
      throw new ManifestReadException(List.of(o.error(path + ".spec", "Required value: a pod template is needed to expand " + o.object().getKind())));
    }
    try {
      return TreeBinding.bind(node, PodTemplateSpec.class, FieldPath.of(path));
    } catch (InvalidSpecException e) {
      throw new ManifestReadException(e.violations().stream().map(v -> o.error(v.field(), v.message())).toList());
    }
  }

  private static Map<String, String> orEmpty(Map<String, String> m) {
    return m == null ? Map.of() : m;
  }
}
