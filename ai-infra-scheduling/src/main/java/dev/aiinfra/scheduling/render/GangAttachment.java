package dev.aiinfra.scheduling.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.core.render.ObjectTrees;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.scheduling.model.GangKeys;
import dev.aiinfra.scheduling.model.GangSpec;
import dev.aiinfra.scheduling.model.GangTarget;
import dev.aiinfra.scheduling.model.PodGroupSpec;
import dev.aiinfra.scheduling.model.SchedulingCode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attaches a gang to the workload that creates its pods, deriving each pod group's size from the
 * controller and checking it against the gang's minCount:
 *
 * <ul>
 *   <li>Indexed Job: one pod group of {@code parallelism} pods;
 *   <li>JobSet: one pod group for the whole JobSet (Σ replicas × parallelism), or one per replicated
 *       job named like it;
 *   <li>LeaderWorkerSet: one gang per LWS group ({@code size} pods): Kueue and Volcano create the
 *       per-group objects themselves; for the native API the Workload's template is rendered and the
 *       LWS controller creates one PodGroup per group; coscheduling cannot express per-group gangs;
 *   <li>StatefulSet: one pod group of {@code replicas} pods.
 * </ul>
 *
 * For Kueue the queue label goes on the workload object and the TAS annotations on its pod
 * templates (Kueue's Job, JobSet, LWS and StatefulSet integrations); for the other targets each pod
 * template gets its pod group's wiring.
 */
public final class GangAttachment {
  private static final ObjectMapper JSON = Json.mapper();

  private GangAttachment() {}

  /** The workload with its gang wired in, the gang objects, and the warnings and notes (never an error: {@link #attach} throws those). */
  public record Attached(HasMetadata workload, List<HasMetadata> gangObjects, List<Diagnostic> diagnostics) {
    public Attached {
      gangObjects = List.copyOf(gangObjects);
      diagnostics = List.copyOf(diagnostics);
    }

    /** Gang objects and the workload, in apply order. */
    public ManifestBundle bundle() {
      List<HasMetadata> all = new ArrayList<>(gangObjects);
      all.add(workload);
      return ManifestBundle.of(all);
    }
  }

  /**
   * Wires {@code gang} into {@code workload} for {@code target}. Throws {@link InvalidSpecException}
   * listing every problem, each at its field of the gang or the workload: a workload the gang
   * cannot be attached to (kind, pod group names, minCount above the pods it runs) and every
   * setting the target or Kubernetes version cannot express (an ERROR diagnostic of {@link
   * GangRenderer}, such as a preferred topology on the native Workload API), so that nothing is
   * rendered with a setting silently left out. Warnings and notes stay in {@link
   * Attached#diagnostics()}.
   */
  public static Attached attach(HasMetadata workload, GangSpec gang, GangTarget target, ClusterProfile profile) {
    ObjectNode tree = JSON.valueToTree(workload);
    String kind = workload.getKind();
    Violations v = new Violations();
    checkNamespace(workload, gang, target, v);
    PodGroupTemplates groups = podGroupTemplates(tree, kind, gang, target, v);
    checkMinCounts(gang, kind, groups.counts, v);
    RenderedGang rendered = GangRenderer.render(gang, target, profile, groups.counts);
    List<Diagnostic> diagnostics = diagnosticsFor(rendered, kind, target);
    refuseErrors(diagnostics, v);
    v.throwIfAny();
    List<HasMetadata> gangObjects = new ArrayList<>(rendered.objects());
    wire(tree, kind, gang, target, rendered, groups.templates, gangObjects, diagnostics);
    return new Attached(rebind(tree, workload), gangObjects, diagnostics);
  }

  /**
   * Pods join a gang object (a native Workload or PodGroup, a Volcano or coscheduling PodGroup) of
   * their own namespace only, so a gang in another namespace would never be found and the pods
   * would wait forever. Kueue creates its Workload beside the pods itself.
   */
  private static void checkNamespace(HasMetadata workload, GangSpec gang, GangTarget target, Violations v) {
    String namespace = workload.getMetadata() == null ? null : workload.getMetadata().getNamespace();
    if (target != GangTarget.KUEUE && namespace != null && !gang.namespace().equals(namespace)) {
      v.invalid(FieldPath.of("metadata.namespace"), gang.namespace(),
          "must be the workload's namespace (" + namespace + "): pods join a gang object of their own namespace only");
    }
  }

  /** The renderer's diagnostics that apply to this workload kind. */
  private static List<Diagnostic> diagnosticsFor(RenderedGang rendered, String kind, GangTarget target) {
    List<Diagnostic> diagnostics = new ArrayList<>(rendered.diagnostics());
    if (target == GangTarget.KUEUE && kind.equals("LeaderWorkerSet")) {
      // Kueue admits each LWS group as its own gang of `size` pods, not the whole LWS.
      diagnostics.removeIf(SchedulingCode.GANG_MIN_COUNT_MISMATCH::matches);
    }
    return diagnostics;
  }

  /** The wired tree as an object of the workload's own class. */
  private static HasMetadata rebind(ObjectNode tree, HasMetadata workload) {
    try {
      return ObjectTrees.bind(tree, workload.getClass());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("re-reading the wired " + workload.getKind() + " failed", e);
    }
  }

  /** Each pod group's pod templates in the workload, and how many pods the controller creates from them. */
  private static final class PodGroupTemplates {
    final Map<String, List<ObjectNode>> templates = new LinkedHashMap<>();
    final Map<String, Integer> counts = new LinkedHashMap<>();

    void add(String group, ObjectNode template, int pods) {
      templates.computeIfAbsent(group, g -> new ArrayList<>()).add(template);
      counts.merge(group, pods, Integer::sum);
    }
  }

  private static PodGroupTemplates podGroupTemplates(ObjectNode tree, String kind, GangSpec gang, GangTarget target, Violations v) {
    PodGroupTemplates groups = new PodGroupTemplates();
    JsonNode spec = tree.path("spec");
    switch (kind) {
      case "Job": {
        requireOneGroup(gang, kind, v);
        if (!"Indexed".equals(spec.path("completionMode").asText())) {
          v.invalid(FieldPath.of("spec.completionMode"), spec.path("completionMode").asText("NonIndexed"), "a gang is attached to an Indexed Job");
        }
        int parallelism = spec.path("parallelism").asInt(1);
        int completions = spec.has("completions") ? spec.path("completions").asInt() : parallelism;
        groups.add(gang.podGroups().get(0).name(), (ObjectNode) spec.path("template"), Math.min(parallelism, completions));
        break;
      }
      case "StatefulSet":
        requireOneGroup(gang, kind, v);
        groups.add(gang.podGroups().get(0).name(), (ObjectNode) spec.path("template"), spec.path("replicas").asInt(1));
        break;
      case "JobSet":
        jobSetTemplates(spec, gang, groups, v);
        break;
      case "LeaderWorkerSet":
        leaderWorkerSetTemplates(spec, gang, target, groups, v);
        break;
      default:
        v.invalid(FieldPath.of("kind"), kind, "gangs attach to Job, JobSet, LeaderWorkerSet and StatefulSet");
    }
    return groups;
  }

  /** One pod group per replicated job when the gang names them all; else one group for the whole JobSet. */
  private static void jobSetTemplates(JsonNode spec, GangSpec gang, PodGroupTemplates groups, Violations v) {
    boolean perJob = gang.podGroups().size() > 1;
    for (JsonNode rj : spec.path("replicatedJobs")) {
      JsonNode jobSpec = rj.path("template").path("spec");
      int parallelism = jobSpec.path("parallelism").asInt(1);
      int completions = jobSpec.has("completions") ? jobSpec.path("completions").asInt() : parallelism;
      int pods = rj.path("replicas").asInt(1) * Math.min(parallelism, completions);
      String group = perJob ? rj.path("name").asText() : gang.podGroups().get(0).name();
      if (perJob && gang.podGroup(group).isEmpty()) {
        v.invalid(FieldPath.of("spec.replicatedJobs").key(group), group, "no pod group of gang " + gang.name() + " is named after this replicated job");
        continue;
      }
      groups.add(group, (ObjectNode) jobSpec.path("template"), pods);
    }
  }

  /** One pod group per LWS group: the leader template (no pods of its own in the count) and the worker template with {@code size} pods. */
  private static void leaderWorkerSetTemplates(JsonNode spec, GangSpec gang, GangTarget target, PodGroupTemplates groups, Violations v) {
    requireOneGroup(gang, "LeaderWorkerSet", v);
    JsonNode lwt = spec.path("leaderWorkerTemplate");
    String group = gang.podGroups().get(0).name();
    if (lwt.has("leaderTemplate")) {
      groups.add(group, (ObjectNode) lwt.path("leaderTemplate"), 0);
    }
    groups.add(group, (ObjectNode) lwt.path("workerTemplate"), lwt.path("size").asInt(1));
    if (target == GangTarget.COSCHEDULING) {
      v.invalid(FieldPath.of("kind"), "LeaderWorkerSet", "coscheduling cannot give each LeaderWorkerSet group its own PodGroup; use Kueue, Volcano or the native API");
    }
  }

  private static void checkMinCounts(GangSpec gang, String kind, Map<String, Integer> counts, Violations v) {
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      PodGroupSpec g = gang.podGroup(e.getKey()).orElseThrow();
      if (g.minCount().isPresent() && g.minCount().get() > e.getValue()) {
        v.invalid(FieldPath.of("podGroups").key(g.name()).child("minCount"), g.minCount().get(),
            "must not exceed the " + e.getValue() + " pods the " + kind + " runs");
      }
    }
  }

  /** Every ERROR diagnostic becomes a violation at the gang field it names: the rendering would leave that setting out. */
  private static void refuseErrors(List<Diagnostic> diagnostics, Violations v) {
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        v.add(FieldViolation.of(FieldPath.of(d.path()), FieldErrorType.Forbidden,
            d.code() + ": " + d.message() + d.hint().map(h -> "; " + h).orElse("")));
      }
    }
  }

  /** Puts the gang's wiring on the workload (Kueue: queue label and TAS annotations) or its pod templates. */
  private static void wire(ObjectNode tree, String kind, GangSpec gang, GangTarget target, RenderedGang rendered,
      Map<String, List<ObjectNode>> templates, List<HasMetadata> gangObjects, List<Diagnostic> diagnostics) {
    if (target == GangTarget.KUEUE) {
      gang.queueName().ifPresent(q -> tree.with("metadata").with("labels").put(GangKeys.KUEUE_QUEUE_NAME, q));
      for (Map.Entry<String, List<ObjectNode>> e : templates.entrySet()) {
        PodGroupSpec g = gang.podGroup(e.getKey()).orElseThrow();
        Map<String, String> tas = g.topology().map(GangRenderer::tasAnnotations).orElse(Map.of());
        for (ObjectNode t : e.getValue()) {
          tas.forEach((k, val) -> t.with("metadata").with("annotations").put(k, val));
        }
      }
    } else if (kind.equals("LeaderWorkerSet") && target == GangTarget.NATIVE) {
      gangObjects.removeIf(o -> o.getKind().equals("PodGroup"));
      diagnostics.add(Diagnostic.builder().code(SchedulingCode.GANG_PER_GROUP).severity(Severity.INFO)
          .message("the LeaderWorkerSet controller creates one PodGroup per group from the Workload's template; pod templates are left for it to wire")
          .build());
    } else if (kind.equals("LeaderWorkerSet") && target == GangTarget.VOLCANO) {
      gangObjects.clear();
      gang.volcanoQueue().ifPresent(q -> tree.with("metadata").with("annotations").put(GangKeys.VOLCANO_QUEUE_NAME, q));
      for (List<ObjectNode> ts : templates.values()) {
        ts.forEach(t -> t.with("spec").put("schedulerName", GangKeys.VOLCANO_SCHEDULER));
      }
      diagnostics.add(Diagnostic.builder().code(SchedulingCode.GANG_PER_GROUP).severity(Severity.INFO)
          .message("with gangSchedulingManagement.schedulerProvider: volcano the LWS controller creates one Volcano PodGroup per group (minMember = size)")
          .build());
    } else {
      for (Map.Entry<String, List<ObjectNode>> e : templates.entrySet()) {
        PodWiring w = rendered.wiring(e.getKey());
        e.getValue().forEach(w::applyTo);
      }
    }
  }

  private static void requireOneGroup(GangSpec gang, String kind, Violations v) {
    if (gang.podGroups().size() != 1) {
      v.invalid(FieldPath.of("podGroups"), gang.podGroups().size(), "a " + kind + " takes a gang of exactly one pod group");
    }
  }
}
