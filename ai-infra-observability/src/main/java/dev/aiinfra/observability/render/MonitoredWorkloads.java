package dev.aiinfra.observability.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.observability.model.workload.MonitoredWorkload;
import dev.aiinfra.observability.model.workload.WorkloadKind;
import dev.aiinfra.scheduling.model.GangKeys;
import dev.aiinfra.scheduling.model.GangTarget;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the workloads in a set of manifests (rendered by the SDK or written by hand) as {@link
 * MonitoredWorkload}s: JobSet, LeaderWorkerSet, StatefulSet, Indexed Job, DisaggregatedSet,
 * Sandbox, Deployment. From the pod template it takes the metrics port (a port named {@code
 * metrics}, else {@code http}, else the first named port), GPUs per pod ({@code nvidia.com/gpu}
 * limits, else requests) and the gang implementation (Kueue queue label, coscheduling or Volcano
 * keys, a native {@code schedulingGroup}/{@code workloadRef}); from the other objects a labelled
 * Service exposing that port (then a ServiceMonitor is rendered) and a coscheduling PodGroup's
 * {@code scheduleTimeoutSeconds}.
 */
public final class MonitoredWorkloads {
  private static final ObjectMapper JSON = Json.mapper();
  private static final String GPU = "nvidia.com/gpu";

  private MonitoredWorkloads() {}

  /** Every workload among {@code objects}, in input order; other kinds (and non-indexed Jobs) are skipped. */
  public static List<MonitoredWorkload> from(List<? extends HasMetadata> objects) {
    List<JsonNode> trees = objects.stream().map(o -> (JsonNode) JSON.valueToTree(o)).toList();
    List<MonitoredWorkload> out = new ArrayList<>();
    for (JsonNode o : trees) {
      of(o, trees).ifPresent(out::add);
    }
    return out;
  }

  static Optional<MonitoredWorkload> of(JsonNode o, List<JsonNode> context) {
    String apiVersion = o.path("apiVersion").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    JsonNode spec = o.path("spec");
    String kindName = o.path("kind").asText();
    WorkloadKind kind;
    List<JsonNode> templates = new ArrayList<>();
    List<String> roles = new ArrayList<>();
    int pods;
    Map<String, String> selector = new TreeMap<>();
    switch (group + "/" + kindName) {
      case "jobset.x-k8s.io/JobSet" -> {
        kind = WorkloadKind.JOBSET;
        pods = 0;
        for (JsonNode rj : spec.path("replicatedJobs")) {
          roles.add(rj.path("name").asText());
          templates.add(rj.path("template").path("spec").path("template"));
          pods += rj.path("replicas").asInt(1) * rj.path("template").path("spec").path("parallelism").asInt(1);
        }
      }
      case "leaderworkerset.x-k8s.io/LeaderWorkerSet" -> {
        kind = WorkloadKind.LEADER_WORKER_SET;
        templates.add(spec.path("leaderWorkerTemplate").path("workerTemplate"));
        pods = spec.path("replicas").asInt(1) * spec.path("leaderWorkerTemplate").path("size").asInt(1);
      }
      case "disaggregatedset.x-k8s.io/DisaggregatedSet" -> {
        kind = WorkloadKind.DISAGGREGATED_SET;
        pods = 0;
        for (JsonNode role : spec.path("roles")) {
          roles.add(role.path("name").asText());
          JsonNode lws = role.path("spec");
          templates.add(lws.path("leaderWorkerTemplate").path("workerTemplate"));
          pods += lws.path("replicas").asInt(1) * lws.path("leaderWorkerTemplate").path("size").asInt(1);
        }
      }
      case "apps/StatefulSet", "apps/Deployment" -> {
        kind = kindName.equals("StatefulSet") ? WorkloadKind.STATEFUL_SET : WorkloadKind.DEPLOYMENT;
        templates.add(spec.path("template"));
        pods = spec.path("replicas").asInt(1);
        spec.path("selector").path("matchLabels").fields().forEachRemaining(e -> selector.put(e.getKey(), e.getValue().asText()));
        if (selector.isEmpty()) {
          return Optional.empty();
        }
      }
      case "batch/Job" -> {
        if (!spec.path("completionMode").asText().equals("Indexed")) {
          return Optional.empty();
        }
        kind = WorkloadKind.INDEXED_JOB;
        templates.add(spec.path("template"));
        pods = spec.path("completions").asInt(1);
      }
      case "agents.x-k8s.io/Sandbox" -> {
        kind = WorkloadKind.SANDBOX;
        templates.add(spec.path("podTemplate"));
        pods = 1;
      }
      default -> {
        return Optional.empty();
      }
    }
    String name = o.path("metadata").path("name").asText();
    String namespace = o.path("metadata").path("namespace").asText("default");
    if (namespace.isEmpty()) {
      namespace = "default";
    }
    MonitoredWorkload.Builder b = MonitoredWorkload.builder().kind(kind).name(name).namespace(namespace).roles(roles).pods(pods);
    if (!selector.isEmpty()) {
      b.podSelector(selector);
    }
    String port = metricsPort(templates);
    b.metricsPort(port);
    b.gpusPerPod(templates.stream().mapToInt(MonitoredWorkloads::gpus).max().orElse(0));
    gang(o, templates, context, b);
    MonitoredWorkload w = b.build();
    // Pods carry their template's labels plus the controller's (jobset-name, LWS name, …): a Service may select either.
    List<Map<String, String>> podLabels = new ArrayList<>();
    for (JsonNode t : templates) {
      Map<String, String> l = strings(t.path("metadata").path("labels"));
      l.putAll(w.podSelector());
      podLabels.add(l);
    }
    return Optional.of(service(namespace, podLabels, port, context).map(l -> MonitoredWorkload.builder().from(w).serviceLabels(l).build()).orElse(w));
  }

  private static String metricsPort(List<JsonNode> templates) {
    List<String> names = new ArrayList<>();
    for (JsonNode t : templates) {
      for (JsonNode c : t.path("spec").path("containers")) {
        for (JsonNode p : c.path("ports")) {
          if (p.hasNonNull("name")) {
            names.add(p.path("name").asText());
          }
        }
      }
    }
    return names.contains("metrics") ? "metrics" : names.contains("http") ? "http" : names.isEmpty() ? "metrics" : names.get(0);
  }

  private static int gpus(JsonNode template) {
    int total = 0;
    for (JsonNode c : template.path("spec").path("containers")) {
      JsonNode r = c.path("resources");
      JsonNode v = r.path("limits").has(GPU) ? r.path("limits").path(GPU) : r.path("requests").path(GPU);
      String text = v.asText("").trim();
      total += text.matches("[0-9]{1,6}") ? Integer.parseInt(text) : 0;
    }
    return total;
  }

  private static void gang(JsonNode o, List<JsonNode> templates, List<JsonNode> context, MonitoredWorkload.Builder b) {
    String queue = o.path("metadata").path("labels").path(GangKeys.KUEUE_QUEUE_NAME).asText("");
    if (!queue.isEmpty()) {
      b.gang(GangTarget.KUEUE).queueName(queue);
      return;
    }
    for (JsonNode t : templates) {
      JsonNode labels = t.path("metadata").path("labels");
      JsonNode annotations = t.path("metadata").path("annotations");
      String podGroup = labels.path(GangKeys.COSCHEDULING_POD_GROUP).asText("");
      if (!podGroup.isEmpty()) {
        b.gang(GangTarget.COSCHEDULING);
        podGroupTimeout(podGroup, context).ifPresent(b::gangTimeoutSeconds);
        return;
      }
      if (annotations.has(GangKeys.VOLCANO_GROUP_NAME) || t.path("spec").path("schedulerName").asText("").equals(GangKeys.VOLCANO_SCHEDULER)) {
        b.gang(GangTarget.VOLCANO);
        return;
      }
      if (t.path("spec").has("schedulingGroup") || t.path("spec").has("workloadRef")) {
        b.gang(GangTarget.NATIVE);
        return;
      }
    }
  }

  private static Optional<Integer> podGroupTimeout(String name, List<JsonNode> context) {
    for (JsonNode o : context) {
      if (o.path("kind").asText().equals("PodGroup") && o.path("apiVersion").asText().startsWith("scheduling.x-k8s.io/")
          && o.path("metadata").path("name").asText().equals(name) && o.path("spec").has("scheduleTimeoutSeconds")) {
        return Optional.of(o.path("spec").path("scheduleTimeoutSeconds").asInt());
      }
    }
    return Optional.empty();
  }

  /** The labels of a Service in the namespace that selects the pods and exposes the metrics port by name. */
  private static Optional<Map<String, String>> service(String namespace, List<Map<String, String>> podLabels, String port, List<JsonNode> context) {
    for (JsonNode s : context) {
      if (!s.path("kind").asText().equals("Service") || !s.path("metadata").path("namespace").asText("default").equals(namespace)) {
        continue;
      }
      Map<String, String> labels = strings(s.path("metadata").path("labels"));
      Map<String, String> selector = strings(s.path("spec").path("selector"));
      boolean exposes = false;
      for (JsonNode p : s.path("spec").path("ports")) {
        exposes |= p.path("name").asText("").equals(port);
      }
      boolean selects = !selector.isEmpty() && podLabels.stream().anyMatch(l -> l.entrySet().containsAll(selector.entrySet()));
      if (exposes && selects && !labels.isEmpty()) {
        return Optional.of(labels);
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> m = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      m.put(e.getKey(), e.getValue().asText());
    }
    return m;
  }
}
