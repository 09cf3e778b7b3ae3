package dev.aiinfra.observability.read;

import com.fasterxml.jackson.databind.JsonNode;
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
 * What the other objects of a manifest set add to a {@link MonitoredWorkload} read from it: a
 * labelled Service in its namespace that selects its pods and exposes its metrics port by name
 * (then a ServiceMonitor is rendered instead of a PodMonitor), the {@code scheduleTimeoutSeconds}
 * of the coscheduling PodGroup its pods join ({@code scheduling.x-k8s.io/pod-group}), the Kueue
 * queue named on the workload object itself ({@code kueue.x-k8s.io/queue-name}, where Kueue reads
 * it for JobSet and LeaderWorkerSet) and its pod count when running in full.
 */
public final class WorkloadContext {
  private final List<JsonNode> objects;

  private WorkloadContext(List<JsonNode> objects) {
    this.objects = objects;
  }

  public static WorkloadContext of(List<? extends HasMetadata> objects) {
    return new WorkloadContext(objects.stream().map(o -> (JsonNode) Json.mapper().valueToTree(o)).toList());
  }

  /** {@code w} with what the other objects say about it; unchanged when they say nothing. */
  public MonitoredWorkload enrich(MonitoredWorkload w) {
    Optional<JsonNode> self = objects.stream().filter(o -> o.path("kind").asText().equals(w.kind().kind())
        && o.path("metadata").path("name").asText().equals(w.name()) && namespace(o).equals(w.namespace())).findFirst();
    if (self.isEmpty()) {
      return w;
    }
    MonitoredWorkload.Builder b = MonitoredWorkload.builder().from(w);
    List<JsonNode> templates = templates(w.kind(), self.get().path("spec"));
    if (w.pods().isEmpty()) {
      pods(w.kind(), self.get().path("spec")).ifPresent(b::pods);
    }
    String queue = self.get().path("metadata").path("labels").path(GangKeys.KUEUE_QUEUE_NAME).asText("");
    if (!queue.isEmpty() && w.queueName().isEmpty()) {
      b.queueName(queue);
      if (w.gang().isEmpty()) {
        b.gang(GangTarget.KUEUE);
      }
    }
    if (w.gangTimeoutSeconds().isEmpty()) {
      for (JsonNode t : templates) {
        String podGroup = t.path("metadata").path("labels").path(GangKeys.COSCHEDULING_POD_GROUP).asText("");
        if (!podGroup.isEmpty()) {
          podGroupTimeout(podGroup, w.namespace()).ifPresent(b::gangTimeoutSeconds);
        }
      }
    }
    if (w.serviceLabels().isEmpty()) {
      // Pods carry their template's labels plus the controller's (jobset-name, LWS name, …): a Service may select either.
      List<Map<String, String>> podLabels = new ArrayList<>();
      for (JsonNode t : templates) {
        Map<String, String> l = strings(t.path("metadata").path("labels"));
        l.putAll(w.podSelector());
        podLabels.add(l);
      }
      service(w.namespace(), podLabels, w.metricsPort()).ifPresent(b::serviceLabels);
    }
    return b.build();
  }

  private static List<JsonNode> templates(WorkloadKind kind, JsonNode spec) {
    List<JsonNode> t = new ArrayList<>();
    switch (kind) {
      case JOBSET -> spec.path("replicatedJobs").forEach(rj -> t.add(rj.path("template").path("spec").path("template")));
      case LEADER_WORKER_SET -> t.add(spec.path("leaderWorkerTemplate").path("workerTemplate"));
      case DISAGGREGATED_SET -> spec.path("roles").forEach(r -> t.add(r.path("spec").path("leaderWorkerTemplate").path("workerTemplate")));
      case STATEFUL_SET, DEPLOYMENT, INDEXED_JOB -> t.add(spec.path("template"));
      case SANDBOX -> t.add(spec.path("podTemplate"));
    }
    return t;
  }

  private static Optional<Integer> pods(WorkloadKind kind, JsonNode spec) {
    int n = 0;
    switch (kind) {
      case JOBSET -> {
        for (JsonNode rj : spec.path("replicatedJobs")) {
          n += rj.path("replicas").asInt(1) * rj.path("template").path("spec").path("parallelism").asInt(1);
        }
      }
      case LEADER_WORKER_SET -> n = spec.path("replicas").asInt(1) * spec.path("leaderWorkerTemplate").path("size").asInt(1);
      case DISAGGREGATED_SET -> {
        for (JsonNode r : spec.path("roles")) {
          n += r.path("spec").path("replicas").asInt(1) * r.path("spec").path("leaderWorkerTemplate").path("size").asInt(1);
        }
      }
      case STATEFUL_SET, DEPLOYMENT -> n = spec.path("replicas").asInt(1);
      case INDEXED_JOB -> n = spec.path("completions").asInt(1);
      case SANDBOX -> n = 1;
    }
    return n > 0 ? Optional.of(n) : Optional.empty();
  }

  private Optional<Integer> podGroupTimeout(String name, String namespace) {
    return objects.stream().filter(o -> o.path("kind").asText().equals("PodGroup") && o.path("apiVersion").asText().startsWith("scheduling.x-k8s.io/")
            && o.path("metadata").path("name").asText().equals(name) && namespace(o).equals(namespace) && o.path("spec").has("scheduleTimeoutSeconds"))
        .map(o -> o.path("spec").path("scheduleTimeoutSeconds").asInt()).findFirst();
  }

  private Optional<Map<String, String>> service(String namespace, List<Map<String, String>> podLabels, String port) {
    for (JsonNode s : objects) {
      if (!s.path("kind").asText().equals("Service") || !namespace(s).equals(namespace)) {
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

  private static String namespace(JsonNode o) {
    String ns = o.path("metadata").path("namespace").asText("");
    return ns.isEmpty() ? "default" : ns;
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
