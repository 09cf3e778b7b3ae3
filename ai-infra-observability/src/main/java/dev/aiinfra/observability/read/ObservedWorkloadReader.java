package dev.aiinfra.observability.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.render.PodTemplateSite;
import dev.aiinfra.core.render.PodTemplates;
import dev.aiinfra.observability.model.ObservedWorkloads;
import dev.aiinfra.observability.model.engine.ServingEngine;
import dev.aiinfra.observability.model.engine.ServingWorkload;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import dev.aiinfra.observability.model.workload.WorkloadKind;
import dev.aiinfra.scheduling.model.GangTarget;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the workloads of a manifest set as observability sees them: every JobSet, LeaderWorkerSet,
 * StatefulSet, Indexed Job, DisaggregatedSet, Sandbox and Deployment becomes a {@link
 * MonitoredWorkload} (its pod selector, metrics port, GPUs per pod, gang implementation, roles);
 * those whose pods run vLLM, SGLang or TensorRT-LLM, or carry llm-d's {@code llm-d.ai/role}, are
 * also a {@link ServingWorkload}. Other objects are ignored: they have no pods to monitor.
 */
public final class ObservedWorkloadReader {
  static final String LLMD_ROLE = "llm-d.ai/role";
  static final String LLMD_MODEL = "llm-d.ai/model";
  static final String APP_NAME = "app.kubernetes.io/name";

  private ObservedWorkloadReader() {}

  /** The workloads to monitor and the serving workloads among them, in input order. */
  public static ObservedWorkloads read(List<? extends HasMetadata> objects) {
    // What the other objects say about a workload: a Service in front of it, its PodGroup's timeout, its Kueue queue.
    WorkloadContext context = WorkloadContext.of(objects);
    List<MonitoredWorkload> workloads = new ArrayList<>();
    List<ServingWorkload> serving = new ArrayList<>();
    for (HasMetadata o : objects) {
      ObjectNode tree = Json.mapper().valueToTree(o);
      Optional<WorkloadKind> kind = kindOf(tree);
      if (kind.isEmpty()) {
        continue;
      }
      String name = tree.path("metadata").path("name").asText();
      String namespace = tree.path("metadata").path("namespace").asText("default");
      if (namespace.isBlank()) {
        namespace = "default";
      }
      List<PodTemplateSite> pods = PodTemplates.find(tree);
      Map<String, String> podLabels = podLabels(pods);
      MonitoredWorkload.Builder w = MonitoredWorkload.builder().kind(kind.get()).name(name).namespace(namespace)
          .metricsPort(metricsPort(pods)).gpusPerPod(gpusPerPod(pods));
      if (kind.get() == WorkloadKind.STATEFUL_SET || kind.get() == WorkloadKind.DEPLOYMENT) {
        w.podSelector(strings(tree.path("spec").path("selector").path("matchLabels")));
      }
      roles(kind.get(), tree).forEach(w::addRoles);
      gang(podLabels, pods).ifPresent(w::gang);
      Optional.ofNullable(podLabels.get("kueue.x-k8s.io/queue-name")).ifPresent(w::queueName);
      workloads.add(context.enrich(w.build()));
      servingWorkload(tree, kind.get(), name, namespace, podLabels, pods).ifPresent(serving::add);
    }
    return new ObservedWorkloads(workloads, serving);
  }

  private static Optional<WorkloadKind> kindOf(JsonNode tree) {
    String kind = tree.path("kind").asText();
    for (WorkloadKind k : WorkloadKind.values()) {
      if (k.kind().equals(kind)) {
        if (k == WorkloadKind.INDEXED_JOB && !"Indexed".equals(tree.path("spec").path("completionMode").asText())) {
          return Optional.empty();
        }
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  private static Optional<ServingWorkload> servingWorkload(JsonNode tree, WorkloadKind kind, String name, String namespace,
      Map<String, String> podLabels, List<PodTemplateSite> pods) {
    Optional<ServingEngine> engine = engine(pods);
    String role = podLabels.get(LLMD_ROLE);
    if (kind == WorkloadKind.DISAGGREGATED_SET) {
      role = ServingWorkload.DISAGGREGATED;
    }
    if (engine.isEmpty() && role == null) {
      return Optional.empty();
    }
    String deployment = podLabels.getOrDefault(LLMD_MODEL, podLabels.getOrDefault(APP_NAME, name));
    int replicas = tree.path("spec").path("replicas").asInt(1);
    return Optional.of(new ServingWorkload(tree.path("apiVersion").asText(), kind.kind(), name, namespace, deployment,
        role == null ? "both" : role, engine, replicas));
  }

  /** The engine the containers' command and args name: {@code vllm}, {@code sglang}, {@code trtllm-serve}. */
  static Optional<ServingEngine> engine(List<PodTemplateSite> pods) {
    for (PodTemplateSite site : pods) {
      for (JsonNode c : site.podSpec().path("containers")) {
        StringBuilder line = new StringBuilder(c.path("image").asText()).append(' ');
        c.path("command").forEach(x -> line.append(x.asText()).append(' '));
        c.path("args").forEach(x -> line.append(x.asText()).append(' '));
        String l = line.toString();
        if (l.contains("sglang")) {
          return Optional.of(ServingEngine.SGLANG);
        }
        if (l.contains("trtllm") || l.contains("tensorrt-llm") || l.contains("dynamo")) {
          return Optional.of(ServingEngine.TRTLLM);
        }
        if (l.contains("vllm")) {
          return Optional.of(ServingEngine.VLLM);
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> roles(WorkloadKind kind, JsonNode tree) {
    List<String> roles = new ArrayList<>();
    if (kind == WorkloadKind.JOBSET) {
      tree.path("spec").path("replicatedJobs").forEach(j -> roles.add(j.path("name").asText()));
    } else if (kind == WorkloadKind.DISAGGREGATED_SET) {
      tree.path("spec").path("roles").forEach(r -> roles.add(r.path("name").asText()));
    }
    roles.removeIf(String::isBlank);
    return roles;
  }

  private static Optional<GangTarget> gang(Map<String, String> podLabels, List<PodTemplateSite> pods) {
    if (podLabels.containsKey("kueue.x-k8s.io/queue-name") || podLabels.containsKey("kueue.x-k8s.io/pod-group-name")) {
      return Optional.of(GangTarget.KUEUE);
    }
    if (podLabels.containsKey("scheduling.x-k8s.io/pod-group")) {
      return Optional.of(GangTarget.COSCHEDULING);
    }
    for (PodTemplateSite s : pods) {
      if ("volcano".equals(s.podSpec().path("schedulerName").asText())) {
        return Optional.of(GangTarget.VOLCANO);
      }
      if (s.podSpec().has("schedulingGroup")) {
        return Optional.of(GangTarget.NATIVE);
      }
    }
    return Optional.empty();
  }

  /** The labels of the first pod template (the leader's, or the only one). */
  private static Map<String, String> podLabels(List<PodTemplateSite> pods) {
    Map<String, String> labels = new TreeMap<>();
    for (int i = pods.size() - 1; i >= 0; i--) {
      labels.putAll(strings(pods.get(i).podMetadata().path("labels")));
    }
    return labels;
  }

  /** The container port named {@code metrics}, else {@code http}, else the first named one; {@code metrics} when none is named. */
  private static String metricsPort(List<PodTemplateSite> pods) {
    List<String> names = new ArrayList<>();
    for (PodTemplateSite s : pods) {
      for (JsonNode c : s.podSpec().path("containers")) {
        c.path("ports").forEach(p -> {
          if (p.hasNonNull("name")) {
            names.add(p.path("name").asText());
          }
        });
      }
    }
    if (names.contains("metrics")) {
      return "metrics";
    }
    if (names.contains("http")) {
      return "http";
    }
    return names.isEmpty() ? "metrics" : names.get(0);
  }

  /** The most {@code nvidia.com/gpu} a pod of the workload holds (limits, else requests, summed over containers). */
  private static int gpusPerPod(List<PodTemplateSite> pods) {
    int most = 0;
    for (PodTemplateSite s : pods) {
      int pod = 0;
      for (JsonNode c : s.podSpec().path("containers")) {
        JsonNode r = c.path("resources");
        JsonNode gpu = r.path("limits").has("nvidia.com/gpu") ? r.path("limits").path("nvidia.com/gpu") : r.path("requests").path("nvidia.com/gpu");
        pod += gpu.isNumber() ? gpu.asInt() : parseInt(gpu.asText("0"));
      }
      most = Math.max(most, pod);
    }
    return most;
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isValueNode()) {
        out.put(e.getKey(), e.getValue().asText());
      }
    }
    return out;
  }
}
