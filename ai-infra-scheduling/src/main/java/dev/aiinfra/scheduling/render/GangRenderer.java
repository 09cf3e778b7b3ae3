package dev.aiinfra.scheduling.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.FeatureGate;
import dev.aiinfra.core.render.RawFields;
import dev.aiinfra.scheduling.model.GangKeys;
import dev.aiinfra.scheduling.model.GangSpec;
import dev.aiinfra.scheduling.model.GangTarget;
import dev.aiinfra.scheduling.model.PodGroupClaim;
import dev.aiinfra.scheduling.model.PodGroupSpec;
import dev.aiinfra.scheduling.model.SchedulingCode;
import dev.aiinfra.scheduling.model.TopologyMode;
import dev.aiinfra.scheduling.model.TopologyRequest;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a {@link GangSpec} for a {@link GangTarget}, choosing API versions from the {@link
 * ClusterProfile}:
 *
 * <ul>
 *   <li>native, 1.35: {@code scheduling.k8s.io/v1alpha1} Workload with {@code spec.podGroups}; pods
 *       get {@code spec.workloadRef};
 *   <li>native, 1.36: {@code v1alpha2} Workload with {@code podGroupTemplates} plus one PodGroup per
 *       template ({@code <workload>-<template>}); pods get {@code spec.schedulingGroup};
 *   <li>native, 1.37: {@code v1beta1} (expected in 1.37, provisional): as 1.36 with the PodGroup's
 *       {@code workloadRef} and the struct form of {@code disruptionMode};
 *   <li>Volcano: a {@code scheduling.volcano.sh/v1beta1} PodGroup per pod group; pods get
 *       {@code schedulerName: volcano} and annotation {@code scheduling.k8s.io/group-name};
 *   <li>coscheduling: a {@code scheduling.x-k8s.io/v1alpha1} PodGroup; pods get label
 *       {@code scheduling.x-k8s.io/pod-group} and the secondary scheduler's name;
 *   <li>Kueue: no objects; pods get the queue label, the pod-group name and total count, and the TAS
 *       annotations.
 * </ul>
 *
 * Warnings (as diagnostics) name every feature gate a setting needs that is off in the profile;
 * errors name settings the target or version cannot express, with their field path in the {@link
 * GangSpec} as the diagnostic's path. A rendering with errors is incomplete (the setting is left
 * out): {@link GangAttachment#attach} refuses it, and direct callers must check {@link
 * RenderedGang#diagnostics()}.
 */
public final class GangRenderer {
  private static final ObjectMapper JSON = Json.mapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private GangRenderer() {}

  /** Renders; {@code podCounts} gives each pod group's pod count (needed by Kueue's total count). */
  public static RenderedGang render(GangSpec gang, GangTarget target, ClusterProfile profile, Map<String, Integer> podCounts) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<HasMetadata> objects = new ArrayList<>();
    Map<String, PodWiring> wiring = new LinkedHashMap<>();
    switch (target) {
      case NATIVE:
        renderNative(gang, profile, objects, wiring, diagnostics);
        break;
      case VOLCANO:
        renderVolcano(gang, objects, wiring, diagnostics);
        break;
      case COSCHEDULING:
        renderCoscheduling(gang, objects, wiring, diagnostics);
        break;
      case KUEUE:
      default:
        renderKueue(gang, podCounts, wiring, diagnostics);
    }
    List<HasMetadata> merged = new ArrayList<>();
    for (HasMetadata o : objects) {
      merged.add(RawFields.merge(o, gang.extraFields()));
    }
    return new RenderedGang(merged, wiring, diagnostics);
  }

  public static RenderedGang render(GangSpec gang, GangTarget target, ClusterProfile profile) {
    return render(gang, target, profile, Map.of());
  }

  private static GenericKubernetesResource object(String apiVersion, String kind, String name, String namespace, ObjectNode spec) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(apiVersion);
    r.setKind(kind);
    r.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    r.setAdditionalProperty("spec", JSON.convertValue(spec, Map.class));
    return r;
  }

  private static ObjectNode policy(PodGroupSpec g) {
    ObjectNode p = F.objectNode();
    if (g.isGang()) {
      p.putObject("gang").put("minCount", g.minCount().get());
    } else {
      p.putObject("basic");
    }
    return p;
  }

  /**
   * The native gang (KEP-4671 Workload API): the Workload's pod groups inline at 1.35
   * ({@code v1alpha1}), pod group templates and one PodGroup object per group from 1.36
   * ({@code v1alpha2}, {@code v1beta1} from 1.37); each step warns about the feature gate it needs.
   */
  private static void renderNative(GangSpec gang, ClusterProfile profile, List<HasMetadata> objects, Map<String, PodWiring> wiring, List<Diagnostic> diagnostics) {
    int minor = profile.kubernetesVersion().minor();
    if (minor < 35) {
      diagnostics.add(error(SchedulingCode.GANG_API_UNAVAILABLE, FieldPath.of("kubernetesVersion"), "the Workload API (scheduling.k8s.io) arrives in Kubernetes 1.35; the profile targets " + profile.kubernetesVersion(),
          "target Kubernetes 1.35+, or render for Kueue, Volcano or coscheduling"));
      return;
    }
    warnWorkloadGatesOff(gang, profile, diagnostics);
    if (minor == 35) {
      renderInlinePodGroups(gang, objects, wiring, diagnostics);
      return;
    }
    String version = minor >= 37 ? "scheduling.k8s.io/v1beta1" : "scheduling.k8s.io/v1alpha2";
    ObjectNode spec = F.objectNode();
    ArrayNode templates = spec.putArray("podGroupTemplates");
    List<HasMetadata> podGroups = new ArrayList<>();
    for (PodGroupSpec g : gang.podGroups()) {
      ObjectNode groupFields = podGroupFields(g, profile, diagnostics);
      templates.addObject().put("name", g.name()).setAll(groupFields);
      podGroups.add(podGroupObject(gang, g, version, minor, groupFields, wiring));
    }
    objects.add(object(version, "Workload", gang.name(), gang.namespace(), spec));
    objects.addAll(podGroups);
  }

  /** The Workload API needs GenericWorkload, and gang policies GangScheduling where that gate exists. */
  private static void warnWorkloadGatesOff(GangSpec gang, ClusterProfile profile, List<Diagnostic> diagnostics) {
    boolean anyGang = gang.podGroups().stream().anyMatch(PodGroupSpec::isGang);
    if (!profile.isEnabled(FeatureGate.GenericWorkload)) {
      diagnostics.add(gateOff(FeatureGate.GenericWorkload, profile, "the Workload API and pod scheduling groups"));
    }
    if (anyGang && FeatureGate.GangScheduling.existsIn(profile.kubernetesVersion()) && !profile.isEnabled(FeatureGate.GangScheduling)) {
      diagnostics.add(gateOff(FeatureGate.GangScheduling, profile, "gang policies"));
    }
  }

  /**
   * Kubernetes 1.35 ({@code scheduling.k8s.io/v1alpha1}): the Workload lists its pod groups with their
   * policies and pods join through {@code spec.workloadRef}; anything more is refused.
   */
  private static void renderInlinePodGroups(GangSpec gang, List<HasMetadata> objects, Map<String, PodWiring> wiring, List<Diagnostic> diagnostics) {
    ObjectNode spec = F.objectNode();
    ArrayNode groups = spec.putArray("podGroups");
    for (PodGroupSpec g : gang.podGroups()) {
      ObjectNode n = groups.addObject().put("name", g.name());
      n.set("policy", policy(g));
      if (g.topology().isPresent() || g.priority().isPresent() || g.priorityClassName().isPresent() || g.disruptionMode().isPresent() || !g.resourceClaims().isEmpty()) {
        diagnostics.add(error(SchedulingCode.GANG_FIELD_UNSUPPORTED, podGroup(g),
            "pod group " + g.name() + ": topology, priority, disruption mode and resource claims need scheduling.k8s.io/v1alpha2 (Kubernetes 1.36+)",
            "target Kubernetes 1.36+ or drop those settings"));
      }
      ObjectNode ref = F.objectNode().put("name", gang.name()).put("podGroup", g.name());
      wiring.put(g.name(), new PodWiring(Map.of(), Map.of(), Optional.empty(), Map.of("workloadRef", ref)));
    }
    objects.add(object("scheduling.k8s.io/v1alpha1", "Workload", gang.name(), gang.namespace(), spec));
  }

  /**
   * The fields a pod group template and its PodGroup share (1.36+): scheduling policy, one required
   * topology level, resource claims, disruption mode and priority.
   */
  private static ObjectNode podGroupFields(PodGroupSpec g, ClusterProfile profile, List<Diagnostic> diagnostics) {
    int minor = profile.kubernetesVersion().minor();
    ObjectNode groupFields = F.objectNode();
    groupFields.set("schedulingPolicy", policy(g));
    g.topology().ifPresent(tr -> topologyConstraint(g, tr, groupFields, profile, diagnostics));
    if (!g.resourceClaims().isEmpty()) {
      ArrayNode claims = groupFields.putArray("resourceClaims");
      for (PodGroupClaim c : g.resourceClaims()) {
        ObjectNode cn = claims.addObject().put("name", c.name());
        c.resourceClaimName().ifPresent(v -> cn.put("resourceClaimName", v));
        c.resourceClaimTemplateName().ifPresent(v -> cn.put("resourceClaimTemplateName", v));
      }
      if (!profile.isEnabled(FeatureGate.DRAWorkloadResourceClaims)) {
        diagnostics.add(gateOff(FeatureGate.DRAWorkloadResourceClaims, profile, "pod group resource claims"));
      }
    }
    g.disruptionMode().ifPresent(d -> {
      if (minor >= 37) {
        groupFields.putObject("disruptionMode").putObject(d == dev.aiinfra.scheduling.model.DisruptionMode.Pod ? "single" : "all");
      } else {
        groupFields.put("disruptionMode", d.name());
      }
    });
    g.priorityClassName().ifPresent(p -> groupFields.put("priorityClassName", p));
    g.priority().ifPresent(p -> groupFields.put("priority", p));
    if (minor == 36 && (g.disruptionMode().isPresent() || g.priority().isPresent() || g.priorityClassName().isPresent())
        && !profile.isEnabled(FeatureGate.WorkloadAwarePreemption)) {
      diagnostics.add(gateOff(FeatureGate.WorkloadAwarePreemption, profile, "disruptionMode, priorityClassName and priority"));
    }
    return groupFields;
  }

  /** {@code schedulingConstraints.topology}: the native gang takes one required level, nothing preferred or sliced. */
  private static void topologyConstraint(PodGroupSpec g, TopologyRequest tr, ObjectNode groupFields, ClusterProfile profile, List<Diagnostic> diagnostics) {
    if (tr.mode() != TopologyMode.REQUIRED || tr.sliceLevel().isPresent()) {
      diagnostics.add(error(SchedulingCode.GANG_FIELD_UNSUPPORTED, podGroup(g).child("topology"), "pod group " + g.name() + ": the native gang supports one required topology level only (no preferred, unconstrained or slices)",
          "use a required level, or render for Kueue"));
      return;
    }
    groupFields.putObject("schedulingConstraints").putArray("topology").addObject().put("key", tr.level().get());
    if (!profile.isEnabled(FeatureGate.TopologyAwareWorkloadScheduling)) {
      diagnostics.add(gateOff(FeatureGate.TopologyAwareWorkloadScheduling, profile, "schedulingConstraints.topology"));
    }
  }

  /**
   * The PodGroup object of one template (its reference to the Workload is {@code podGroupTemplateRef}
   * at 1.36, {@code workloadRef} from 1.37), and the pods' {@code spec.schedulingGroup} that joins it.
   */
  private static HasMetadata podGroupObject(GangSpec gang, PodGroupSpec g, String version, int minor, ObjectNode groupFields, Map<String, PodWiring> wiring) {
    ObjectNode pgSpec = F.objectNode();
    if (minor >= 37) {
      pgSpec.putObject("workloadRef").put("workloadName", gang.name()).put("templateName", g.name());
    } else {
      pgSpec.putObject("podGroupTemplateRef").putObject("workload").put("workloadName", gang.name()).put("podGroupTemplateName", g.name());
    }
    pgSpec.setAll(groupFields);
    String podGroupName = gang.name() + "-" + g.name();
    wiring.put(g.name(), new PodWiring(Map.of(), Map.of(), Optional.empty(),
        Map.of("schedulingGroup", F.objectNode().put("podGroupName", podGroupName))));
    return object(version, "PodGroup", podGroupName, gang.namespace(), pgSpec);
  }

  private static void renderVolcano(GangSpec gang, List<HasMetadata> objects, Map<String, PodWiring> wiring, List<Diagnostic> diagnostics) {
    for (PodGroupSpec g : gang.podGroups()) {
      String name = gang.name() + "-" + g.name();
      ObjectNode spec = F.objectNode().put("minMember", g.minCount().orElse(1));
      gang.volcanoQueue().ifPresent(q -> spec.put("queue", q));
      g.priorityClassName().ifPresent(p -> spec.put("priorityClassName", p));
      g.topology().ifPresent(t -> {
        if (t.mode() == TopologyMode.REQUIRED || t.mode() == TopologyMode.PREFERRED) {
          spec.putObject("networkTopology").put("mode", t.mode() == TopologyMode.REQUIRED ? "hard" : "soft").put("highestTierName", t.level().get());
          diagnostics.add(Diagnostic.builder().code(SchedulingCode.GANG_VOLCANO_TIER).severity(Severity.INFO)
              .message("pod group " + g.name() + ": Volcano places by HyperNode tiers; networkTopology.highestTierName is " + t.level().get()
                  + ", which must be the tierName of your HyperNodes")
              .build());
        }
      });
      noPreemptionFields(g, "Volcano", diagnostics);
      objects.add(object("scheduling.volcano.sh/v1beta1", "PodGroup", name, gang.namespace(), spec));
      Map<String, String> annotations = new HashMap<>();
      annotations.put(GangKeys.VOLCANO_GROUP_NAME, name);
      gang.volcanoQueue().ifPresent(q -> annotations.put(GangKeys.VOLCANO_QUEUE_NAME, q));
      wiring.put(g.name(), new PodWiring(Map.of(), annotations, Optional.of(GangKeys.VOLCANO_SCHEDULER), Map.of()));
    }
  }

  private static void renderCoscheduling(GangSpec gang, List<HasMetadata> objects, Map<String, PodWiring> wiring, List<Diagnostic> diagnostics) {
    for (PodGroupSpec g : gang.podGroups()) {
      String name = gang.name() + "-" + g.name();
      ObjectNode spec = F.objectNode().put("minMember", g.minCount().orElse(1));
      gang.scheduleTimeoutSeconds().ifPresent(s -> spec.put("scheduleTimeoutSeconds", s));
      if (g.topology().isPresent()) {
        diagnostics.add(error(SchedulingCode.GANG_FIELD_UNSUPPORTED, podGroup(g).child("topology"), "pod group " + g.name() + ": coscheduling has no topology constraint",
            "render for Kueue or the native Workload API to keep the gang in one domain"));
      }
      noPreemptionFields(g, "coscheduling", diagnostics);
      objects.add(object("scheduling.x-k8s.io/v1alpha1", "PodGroup", name, gang.namespace(), spec));
      wiring.put(g.name(), new PodWiring(Map.of(GangKeys.COSCHEDULING_POD_GROUP, name), Map.of(), Optional.of(gang.coschedulingSchedulerName()), Map.of()));
    }
  }

  private static void renderKueue(GangSpec gang, Map<String, Integer> podCounts, Map<String, PodWiring> wiring, List<Diagnostic> diagnostics) {
    if (gang.queueName().isEmpty()) {
      diagnostics.add(error(SchedulingCode.GANG_QUEUE_MISSING, FieldPath.of("queueName"), "Kueue admits only workloads with kueue.x-k8s.io/queue-name", "set queueName on the gang"));
    }
    for (PodGroupSpec g : gang.podGroups()) {
      Map<String, String> labels = new HashMap<>();
      Map<String, String> annotations = new HashMap<>();
      gang.queueName().ifPresent(q -> labels.put(GangKeys.KUEUE_QUEUE_NAME, q));
      String group = gang.name() + "-" + g.name();
      labels.put(GangKeys.KUEUE_POD_GROUP_NAME, group);
      annotations.put(GangKeys.KUEUE_POD_GROUP_NAME, group);
      Integer count = podCounts.get(g.name());
      if (count != null) {
        annotations.put(GangKeys.KUEUE_POD_GROUP_TOTAL_COUNT, Integer.toString(count));
        // Compared as ints: two boxed Integers above 127 are different objects.
        if (g.minCount().isPresent() && g.minCount().get().intValue() != count.intValue()) {
          diagnostics.add(error(SchedulingCode.GANG_MIN_COUNT_MISMATCH, podGroup(g).child("minCount"), "pod group " + g.name() + ": Kueue admits the whole group (" + count + " pods), not minCount " + g.minCount().get(),
              "set minCount to the pod count, or use the native Workload API for a smaller quorum"));
        }
      }
      g.topology().ifPresent(t -> annotations.putAll(tasAnnotations(t)));
      noPreemptionFields(g, "Kueue pod groups", diagnostics);
      wiring.put(g.name(), new PodWiring(labels, annotations, Optional.empty(), Map.of()));
    }
  }

  /** Kueue TAS annotations for a topology request; an invalid request is refused with every violation. */
  public static Map<String, String> tasAnnotations(TopologyRequest t) {
    t.requireValid();
    Map<String, String> a = new LinkedHashMap<>();
    switch (t.mode()) {
      case REQUIRED:
        a.put(GangKeys.KUEUE_REQUIRED_TOPOLOGY, t.level().get());
        break;
      case PREFERRED:
        a.put(GangKeys.KUEUE_PREFERRED_TOPOLOGY, t.level().get());
        break;
      case UNCONSTRAINED:
        a.put(GangKeys.KUEUE_UNCONSTRAINED_TOPOLOGY, "true");
        break;
      default:
        break;
    }
    if (!t.innerSliceLayers().isEmpty()) {
      // Multi-layer slices (TASMultiLayerTopology): Kueue's webhook forbids the single-layer keys beside the list.
      a.put(GangKeys.KUEUE_SLICE_REQUIRED_TOPOLOGY_CONSTRAINTS, sliceLayersJson(t));
      return a;
    }
    t.sliceLevel().ifPresent(s -> a.put(GangKeys.KUEUE_SLICE_REQUIRED_TOPOLOGY, s));
    t.sliceSize().ifPresent(s -> a.put(GangKeys.KUEUE_SLICE_SIZE, Integer.toString(s)));
    return a;
  }

  /** Every slice layer, outermost first, as Kueue's {@code [{"topology":..,"size":..}]} list. */
  private static String sliceLayersJson(TopologyRequest t) {
    ArrayNode layers = F.arrayNode();
    layers.addObject().put("topology", t.sliceLevel().get()).put("size", t.sliceSize().orElse(1));
    for (TopologyRequest.SliceLayer layer : t.innerSliceLayers()) {
      layers.addObject().put("topology", layer.level()).put("size", layer.size());
    }
    try {
      return JSON.writeValueAsString(layers);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("slice layers of strings and integers always serialise", e);
    }
  }

  private static void noPreemptionFields(PodGroupSpec g, String target, List<Diagnostic> diagnostics) {
    if (g.disruptionMode().isPresent() || !g.resourceClaims().isEmpty()) {
      diagnostics.add(error(SchedulingCode.GANG_FIELD_UNSUPPORTED, podGroup(g), "pod group " + g.name() + ": " + target + " has no disruptionMode or pod group resource claims",
          "use the native Workload API (1.36+) for them"));
    }
  }

  private static Diagnostic gateOff(FeatureGate gate, ClusterProfile profile, String what) {
    return Diagnostic.builder().code(SchedulingCode.GATE_OFF).severity(Severity.WARNING).path(gate.name())
        .message(what + " need feature gate " + gate.name() + ", which is off in Kubernetes " + profile.kubernetesVersion())
        .hint("enable it with --feature-gates=" + gate.name() + "=true on the API server and scheduler").build();
  }

  /** An error at a field of the {@link GangSpec} ({@code podGroups[workers].topology}), so that it can be reported as a violation there. */
  private static Diagnostic error(SchedulingCode code, FieldPath field, String message, String hint) {
    return Diagnostic.builder().code(code).path(field.toString()).message(message).hint(hint).build();
  }

  private static FieldPath podGroup(PodGroupSpec g) {
    return FieldPath.of("podGroups").key(g.name());
  }

  static JsonNode tree(Object o) {
    return JSON.valueToTree(o);
  }
}
