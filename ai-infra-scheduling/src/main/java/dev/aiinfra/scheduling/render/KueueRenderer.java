package dev.aiinfra.scheduling.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.kueue.AdmissionCheckRule;
import dev.aiinfra.scheduling.model.kueue.BorrowWithinCohortPolicy;
import dev.aiinfra.scheduling.model.kueue.ClusterQueue;
import dev.aiinfra.scheduling.model.kueue.Cohort;
import dev.aiinfra.scheduling.model.kueue.FlavorFungibility;
import dev.aiinfra.scheduling.model.kueue.FlavorQuotas;
import dev.aiinfra.scheduling.model.kueue.KueueObjects;
import dev.aiinfra.scheduling.model.kueue.LocalQueue;
import dev.aiinfra.scheduling.model.kueue.Preemption;
import dev.aiinfra.scheduling.model.kueue.PreemptionPolicy;
import dev.aiinfra.scheduling.model.kueue.QueueingStrategy;
import dev.aiinfra.scheduling.model.kueue.ResourceFlavor;
import dev.aiinfra.scheduling.model.kueue.ResourceGroup;
import dev.aiinfra.scheduling.model.kueue.ResourceQuota;
import dev.aiinfra.scheduling.model.kueue.StopPolicy;
import dev.aiinfra.scheduling.model.kueue.WorkloadPriorityClass;
import dev.aiinfra.scheduling.policy.kueue.KueueValidation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders Kueue values as {@code kueue.x-k8s.io/v1beta2} objects: one object per value, or a whole
 * {@link KueueObjects} as one bundle, checked first as Kueue's webhooks would check it (nothing is
 * written that the API server would refuse) and ordered so that what is referred to comes first:
 * priority classes, topologies, flavors, cohorts, ClusterQueues, LocalQueues. Fields left at Kueue's
 * defaults are not written; Kueue applies the same defaults.
 */
public final class KueueRenderer {
  /** The API version every object is written in. */
  public static final String API_VERSION = "kueue.x-k8s.io/v1beta2";

  private static final ObjectMapper JSON = Json.mapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private KueueRenderer() {}

  /**
   * Every object, in apply order; an {@link dev.aiinfra.core.model.InvalidSpecException} listing every
   * rule broken, by object and field, when Kueue would refuse any of them.
   */
  public static ManifestBundle bundle(KueueObjects objects) {
    KueueValidation.requireValid(objects);
    ManifestBundle.Builder b = ManifestBundle.builder();
    objects.workloadPriorityClasses().forEach(o -> b.add(render(o)));
    objects.topologies().forEach(o -> b.add(render(o)));
    objects.resourceFlavors().forEach(o -> b.add(render(o)));
    objects.cohorts().forEach(o -> b.add(render(o)));
    objects.clusterQueues().forEach(o -> b.add(render(o)));
    objects.localQueues().forEach(o -> b.add(render(o)));
    return b.build();
  }

  public static GenericKubernetesResource render(ResourceFlavor flavor) {
    ObjectNode spec = F.objectNode();
    if (!flavor.nodeLabels().isEmpty()) {
      spec.set("nodeLabels", JSON.valueToTree(new java.util.TreeMap<>(flavor.nodeLabels())));
    }
    if (!flavor.nodeTaints().isEmpty()) {
      ArrayNode taints = spec.putArray("nodeTaints");
      for (Taint t : flavor.nodeTaints()) {
        ObjectNode n = taints.addObject().put("key", t.key());
        if (!t.value().isEmpty()) {
          n.put("value", t.value());
        }
        n.put("effect", t.effect().name());
      }
    }
    if (!flavor.tolerations().isEmpty()) {
      ArrayNode tolerations = spec.putArray("tolerations");
      for (Toleration t : flavor.tolerations()) {
        ObjectNode n = tolerations.addObject();
        if (!t.key().isEmpty()) {
          n.put("key", t.key());
        }
        n.put("operator", t.operator().name());
        if (!t.value().isEmpty()) {
          n.put("value", t.value());
        }
        t.effect().ifPresent(e -> n.put("effect", e.name()));
      }
    }
    flavor.topologyName().ifPresent(t -> spec.put("topologyName", t));
    return object("ResourceFlavor", flavor.name(), Optional.empty(), Optional.of(spec));
  }

  public static GenericKubernetesResource render(Topology topology) {
    ObjectNode spec = F.objectNode();
    ArrayNode levels = spec.putArray("levels");
    topology.levels().forEach(l -> levels.addObject().put("nodeLabel", l));
    return object("Topology", topology.name(), Optional.empty(), Optional.of(spec));
  }

  public static GenericKubernetesResource render(ClusterQueue queue) {
    ObjectNode spec = F.objectNode();
    queue.cohortName().ifPresent(c -> spec.put("cohortName", c));
    queue.namespaceSelector().ifPresent(s -> spec.set("namespaceSelector", selector(s)));
    if (queue.queueingStrategy() != QueueingStrategy.BestEffortFIFO) {
      spec.put("queueingStrategy", queue.queueingStrategy().name());
    }
    if (!queue.resourceGroups().isEmpty()) {
      spec.set("resourceGroups", groups(queue.resourceGroups()));
    }
    if (!queue.flavorFungibility().equals(FlavorFungibility.defaults())) {
      spec.set("flavorFungibility", fungibility(queue.flavorFungibility()));
    }
    if (!queue.preemption().equals(Preemption.never())) {
      spec.set("preemption", preemption(queue.preemption()));
    }
    if (!queue.admissionChecks().isEmpty()) {
      ArrayNode checks = spec.putObject("admissionChecksStrategy").putArray("admissionChecks");
      for (AdmissionCheckRule c : queue.admissionChecks()) {
        ObjectNode n = checks.addObject().put("name", c.name());
        if (!c.onFlavors().isEmpty()) {
          n.set("onFlavors", JSON.valueToTree(c.onFlavors()));
        }
      }
    }
    if (queue.stopPolicy() != StopPolicy.None) {
      spec.put("stopPolicy", queue.stopPolicy().name());
    }
    queue.fairSharingWeight().ifPresent(w -> spec.putObject("fairSharing").put("weight", w.toString()));
    return object("ClusterQueue", queue.name(), Optional.empty(), Optional.of(spec));
  }

  public static GenericKubernetesResource render(LocalQueue queue) {
    ObjectNode spec = F.objectNode().put("clusterQueue", queue.clusterQueue());
    if (queue.stopPolicy() != StopPolicy.None) {
      spec.put("stopPolicy", queue.stopPolicy().name());
    }
    queue.fairSharingWeight().ifPresent(w -> spec.putObject("fairSharing").put("weight", w.toString()));
    return object("LocalQueue", queue.name(), Optional.of(queue.namespace()), Optional.of(spec));
  }

  public static GenericKubernetesResource render(Cohort cohort) {
    ObjectNode spec = F.objectNode();
    cohort.parentName().ifPresent(p -> spec.put("parentName", p));
    if (!cohort.resourceGroups().isEmpty()) {
      spec.set("resourceGroups", groups(cohort.resourceGroups()));
    }
    cohort.fairSharingWeight().ifPresent(w -> spec.putObject("fairSharing").put("weight", w.toString()));
    return object("Cohort", cohort.name(), Optional.empty(), Optional.of(spec));
  }

  /** A WorkloadPriorityClass has no spec: {@code value} and {@code description} sit beside metadata. */
  public static GenericKubernetesResource render(WorkloadPriorityClass priorityClass) {
    GenericKubernetesResource r = object("WorkloadPriorityClass", priorityClass.name(), Optional.empty(), Optional.empty());
    r.setAdditionalProperty("value", priorityClass.value());
    if (!priorityClass.description().isEmpty()) {
      r.setAdditionalProperty("description", priorityClass.description());
    }
    return r;
  }

  private static ArrayNode groups(List<ResourceGroup> groups) {
    ArrayNode out = F.arrayNode();
    for (ResourceGroup g : groups) {
      ObjectNode gn = out.addObject();
      gn.set("coveredResources", JSON.valueToTree(g.coveredResources()));
      ArrayNode flavors = gn.putArray("flavors");
      for (FlavorQuotas f : g.flavors()) {
        ArrayNode resources = flavors.addObject().put("name", f.name()).putArray("resources");
        for (ResourceQuota q : f.resources()) {
          ObjectNode qn = resources.addObject().put("name", q.name()).put("nominalQuota", q.nominalQuota().toString());
          q.borrowingLimit().ifPresent(l -> qn.put("borrowingLimit", l.toString()));
          q.lendingLimit().ifPresent(l -> qn.put("lendingLimit", l.toString()));
        }
      }
    }
    return out;
  }

  private static ObjectNode selector(LabelSelector s) {
    ObjectNode n = F.objectNode();
    if (!s.matchLabels().isEmpty()) {
      n.set("matchLabels", JSON.valueToTree(new java.util.TreeMap<>(s.matchLabels())));
    }
    if (!s.matchExpressions().isEmpty()) {
      ArrayNode exprs = n.putArray("matchExpressions");
      for (LabelSelector.Requirement r : s.matchExpressions()) {
        ObjectNode e = exprs.addObject().put("key", r.key()).put("operator", r.operator().name());
        if (!r.values().isEmpty()) {
          e.set("values", JSON.valueToTree(r.values()));
        }
      }
    }
    return n;
  }

  private static ObjectNode fungibility(FlavorFungibility ff) {
    ObjectNode n = F.objectNode().put("whenCanBorrow", ff.whenCanBorrow().name()).put("whenCanPreempt", ff.whenCanPreempt().name());
    ff.preference().ifPresent(p -> n.put("preference", p.name()));
    return n;
  }

  private static ObjectNode preemption(Preemption p) {
    ObjectNode n = F.objectNode();
    if (p.reclaimWithinCohort() != PreemptionPolicy.Never) {
      n.put("reclaimWithinCohort", p.reclaimWithinCohort().name());
    }
    if (p.borrowWithinCohort() != BorrowWithinCohortPolicy.Never || p.maxPriorityThreshold().isPresent()) {
      ObjectNode b = n.putObject("borrowWithinCohort").put("policy", p.borrowWithinCohort().name());
      p.maxPriorityThreshold().ifPresent(t -> b.put("maxPriorityThreshold", t));
    }
    if (p.withinClusterQueue() != PreemptionPolicy.Never) {
      n.put("withinClusterQueue", p.withinClusterQueue().name());
    }
    return n;
  }

  private static GenericKubernetesResource object(String kind, String name, Optional<String> namespace, Optional<ObjectNode> spec) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(API_VERSION);
    r.setKind(kind);
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(name);
    namespace.ifPresent(meta::withNamespace);
    r.setMetadata(meta.build());
    spec.ifPresent(s -> r.setAdditionalProperty("spec", JSON.convertValue(s, Map.class)));
    return r;
  }
}
