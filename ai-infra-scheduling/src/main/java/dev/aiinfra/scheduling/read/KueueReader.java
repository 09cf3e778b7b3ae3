package dev.aiinfra.scheduling.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiinfra.core.json.Json;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.manifest.ApiVersions;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.SourcedObject;
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
import dev.aiinfra.scheduling.policy.kueue.KueueFinding;
import dev.aiinfra.scheduling.policy.kueue.KueueValidation;
import dev.aiinfra.scheduling.read.internal.TreeCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Kueue objects ({@code kueue.x-k8s.io/v1beta2} ResourceFlavor, Topology, ClusterQueue, LocalQueue,
 * Cohort, WorkloadPriorityClass) from YAML or JSON into {@link KueueObjects}. Other objects in the
 * input are left to other readers, so a mixed input (nodes, pods, queues) can be passed whole.
 * Every problem of every object is reported together, each with its file, document and field path
 * (a wrong type, a missing name, an unknown field, an unsupported value), and so is every rule
 * Kueue's admission webhooks would refuse the object for ({@link KueueValidation}): what reads
 * here is what a Kueue installation accepts.
 */
public final class KueueReader {
  /** The group every kind read here belongs to. */
  public static final String GROUP = "kueue.x-k8s.io";

  private static final ObjectMapper JSON = Json.mapper();
  private static final Set<String> KINDS =
      Set.of("ResourceFlavor", "Topology", "ClusterQueue", "LocalQueue", "Cohort", "WorkloadPriorityClass");
  private static final Set<String> VERSIONS = Set.of("kueue.x-k8s.io/v1beta2", "kueue.x-k8s.io/v1beta1");

  private KueueReader() {}

  /** Whether {@link #read} takes objects of this kind. */
  public static boolean reads(String apiVersion, String kind) {
    return GROUP.equals(ApiVersions.group(apiVersion)) && KINDS.contains(kind);
  }

  /** The Kueue objects of a YAML or JSON text ({@code name} names it in errors). */
  public static KueueObjects readString(String name, String text) {
    return read(ManifestReader.withDefaults().readString(name, text));
  }

  /**
   * The Kueue objects among {@code objects}, in input order; a {@link ManifestReadException} with
   * every problem found when any object cannot be read.
   */
  public static KueueObjects read(List<SourcedObject> objects) {
    List<InputError> errors = new ArrayList<>();
    KueueObjects.Builder out = KueueObjects.builder();
    for (SourcedObject o : objects) {
      if (!reads(o.object().getApiVersion(), o.object().getKind())) {
        continue;
      }
      int before = errors.size();
      TreeCursor at = new TreeCursor(o, errors);
      JsonNode tree = JSON.valueToTree(o.object());
      if (!VERSIONS.contains(o.object().getApiVersion())) {
        at.error("apiVersion", "Unsupported value: \"" + o.object().getApiVersion()
            + "\": supported values: \"kueue.x-k8s.io/v1beta2\", \"kueue.x-k8s.io/v1beta1\"");
      }
      try {
        add(o.object().getKind(), tree, at, out);
      } catch (InvalidSpecException e) {
        if (errors.size() == before) {
          // a value type refused what the tree held; say where
          e.violations().forEach(v -> at.error(v.field(), v.message()));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ManifestReadException(errors);
    }
    return out.build();
  }

  /** Reads one object into {@code out}, then checks it as Kueue's webhooks would, at its own fields. */
  private static void add(String kind, JsonNode tree, TreeCursor at, KueueObjects.Builder out) {
    String name = at.requiredText(tree.path("metadata").get("name"), "metadata.name");
    JsonNode spec = at.object(tree.get("spec"), "spec");
    List<KueueFinding> findings;
    switch (kind) {
      case "ResourceFlavor" -> {
        ResourceFlavor f = flavor(name, spec, at);
        out.addResourceFlavor(f);
        findings = KueueValidation.validate(f);
      }
      case "Topology" -> {
        Topology t = topology(name, spec, at);
        if (t == null) {
          return;
        }
        out.addTopology(t);
        findings = KueueValidation.validate(t);
      }
      case "ClusterQueue" -> {
        ClusterQueue q = clusterQueue(name, spec, at);
        out.addClusterQueue(q);
        findings = KueueValidation.validate(q);
      }
      case "LocalQueue" -> {
        LocalQueue q = localQueue(name, tree, spec, at);
        out.addLocalQueue(q);
        findings = KueueValidation.validate(q);
      }
      case "Cohort" -> {
        Cohort c = cohort(name, spec, at);
        out.addCohort(c);
        findings = KueueValidation.validate(c);
      }
      default -> {
        WorkloadPriorityClass c = priorityClass(name, tree, at);
        out.addWorkloadPriorityClass(c);
        findings = KueueValidation.validate(c);
      }
    }
    // a missing name is already reported where it was read
    findings.stream().filter(x -> !(name.isEmpty() && x.violation().field().equals("metadata.name")))
        .forEach(x -> at.error(x.violation().field(), x.violation().message()));
  }

  private static ResourceFlavor flavor(String name, JsonNode spec, TreeCursor at) {
    at.onlyKnown(spec, "spec", Set.of("nodeLabels", "nodeTaints", "tolerations", "topologyName"));
    ResourceFlavor.Builder b = ResourceFlavor.builder().name(name)
        .nodeLabels(at.textMap(spec.get("nodeLabels"), "spec.nodeLabels"));
    List<JsonNode> taints = at.list(spec.get("nodeTaints"), "spec.nodeTaints");
    for (int i = 0; i < taints.size(); i++) {
      String p = "spec.nodeTaints[" + i + "]";
      JsonNode t = at.object(taints.get(i), p);
      at.onlyKnown(t, p, Set.of("key", "value", "effect", "timeAdded"));
      String key = at.requiredText(t.get("key"), p + ".key");
      String value = at.text(t.get("value"), p + ".value").orElse("");
      if (t.get("effect") == null) {
        at.error(p + ".effect", "Required value");
      }
      at.enumValue(t.get("effect"), p + ".effect", TaintEffect.class).ifPresent(e -> b.addNodeTaint(Taint.of(key, value, e)));
    }
    List<JsonNode> tolerations = at.list(spec.get("tolerations"), "spec.tolerations");
    for (int i = 0; i < tolerations.size(); i++) {
      toleration(tolerations.get(i), "spec.tolerations[" + i + "]", at, b);
    }
    at.text(spec.get("topologyName"), "spec.topologyName").ifPresent(b::topologyName);
    return b.build();
  }

  private static void toleration(JsonNode node, String p, TreeCursor at, ResourceFlavor.Builder b) {
    JsonNode t = at.object(node, p);
    at.onlyKnown(t, p, Set.of("key", "operator", "value", "effect", "tolerationSeconds"));
    if (t.has("tolerationSeconds")) {
      at.error(p + ".tolerationSeconds", "Forbidden: tolerationSeconds is not modelled by ai-infra;"
          + " drop it (Kueue flavors rarely need it: it only applies to NoExecute taints)");
    }
    Toleration.Builder tb = Toleration.builder();
    at.text(t.get("key"), p + ".key").ifPresent(tb::key);
    at.enumValue(t.get("operator"), p + ".operator", Toleration.Operator.class).ifPresent(tb::operator);
    at.text(t.get("value"), p + ".value").ifPresent(tb::value);
    at.enumValue(t.get("effect"), p + ".effect", TaintEffect.class).ifPresent(tb::effect);
    try {
      b.addToleration(tb.build());
    } catch (InvalidSpecException e) {
      e.violations().forEach(v -> at.error(v.under(dev.aiinfra.core.model.FieldPath.of(p)).field(), v.message()));
    }
  }

  /** A Topology, or null when its levels break the API's rules (each reported). */
  private static Topology topology(String name, JsonNode spec, TreeCursor at) {
    at.onlyKnown(spec, "spec", Set.of("levels"));
    List<String> levels = new ArrayList<>();
    List<JsonNode> items = at.list(spec.get("levels"), "spec.levels");
    for (int i = 0; i < items.size(); i++) {
      String p = "spec.levels[" + i + "]";
      JsonNode l = at.object(items.get(i), p);
      at.onlyKnown(l, p, Set.of("nodeLabel"));
      levels.add(at.requiredText(l.get("nodeLabel"), p + ".nodeLabel"));
    }
    try {
      return Topology.of(name, levels);
    } catch (InvalidSpecException e) {
      e.violations().forEach(v -> at.error("spec." + v.field(), v.message()));
      return null;
    }
  }

  private static ClusterQueue clusterQueue(String name, JsonNode spec, TreeCursor at) {
    at.onlyKnown(spec, "spec", Set.of("resourceGroups", "cohortName", "queueingStrategy", "namespaceSelector",
        "flavorFungibility", "preemption", "admissionChecksStrategy", "stopPolicy", "fairSharing", "admissionScope"));
    ClusterQueue.Builder b = ClusterQueue.builder().name(name)
        .resourceGroups(resourceGroups(spec.get("resourceGroups"), "spec.resourceGroups", at));
    at.text(spec.get("cohortName"), "spec.cohortName").filter(s -> !s.isEmpty()).ifPresent(b::cohortName);
    at.enumValue(spec.get("queueingStrategy"), "spec.queueingStrategy", QueueingStrategy.class).ifPresent(b::queueingStrategy);
    if (spec.hasNonNull("namespaceSelector")) {
      b.namespaceSelector(selector(spec.get("namespaceSelector"), "spec.namespaceSelector", at));
    }
    JsonNode ff = at.object(spec.get("flavorFungibility"), "spec.flavorFungibility");
    at.onlyKnown(ff, "spec.flavorFungibility", Set.of("whenCanBorrow", "whenCanPreempt", "preference"));
    FlavorFungibility.Builder fb = FlavorFungibility.builder();
    at.enumValue(ff.get("whenCanBorrow"), "spec.flavorFungibility.whenCanBorrow", FlavorFungibility.Policy.class).ifPresent(fb::whenCanBorrow);
    at.enumValue(ff.get("whenCanPreempt"), "spec.flavorFungibility.whenCanPreempt", FlavorFungibility.Policy.class).ifPresent(fb::whenCanPreempt);
    at.enumValue(ff.get("preference"), "spec.flavorFungibility.preference", FlavorFungibility.Preference.class).ifPresent(fb::preference);
    b.flavorFungibility(fb.build());
    b.preemption(preemption(spec.get("preemption"), "spec.preemption", at));
    JsonNode acs = at.object(spec.get("admissionChecksStrategy"), "spec.admissionChecksStrategy");
    at.onlyKnown(acs, "spec.admissionChecksStrategy", Set.of("admissionChecks"));
    List<JsonNode> checks = at.list(acs.get("admissionChecks"), "spec.admissionChecksStrategy.admissionChecks");
    for (int i = 0; i < checks.size(); i++) {
      String p = "spec.admissionChecksStrategy.admissionChecks[" + i + "]";
      JsonNode c = at.object(checks.get(i), p);
      at.onlyKnown(c, p, Set.of("name", "onFlavors"));
      b.addAdmissionCheck(AdmissionCheckRule.builder().name(at.requiredText(c.get("name"), p + ".name"))
          .onFlavors(at.textList(c.get("onFlavors"), p + ".onFlavors")).build());
    }
    at.enumValue(spec.get("stopPolicy"), "spec.stopPolicy", StopPolicy.class).ifPresent(b::stopPolicy);
    fairSharing(spec.get("fairSharing"), "spec.fairSharing", at).ifPresent(b::fairSharingWeight);
    if (spec.has("admissionScope")) {
      at.error("spec.admissionScope", "Forbidden: admission fair sharing (admissionScope) is not modelled by ai-infra; drop it");
    }
    return b.build();
  }

  private static java.util.Optional<dev.aiinfra.core.model.quantity.Quantity> fairSharing(JsonNode node, String p, TreeCursor at) {
    JsonNode fs = at.object(node, p);
    at.onlyKnown(fs, p, Set.of("weight"));
    return at.quantity(fs.get("weight"), p + ".weight");
  }

  private static Preemption preemption(JsonNode node, String p, TreeCursor at) {
    JsonNode pr = at.object(node, p);
    at.onlyKnown(pr, p, Set.of("reclaimWithinCohort", "borrowWithinCohort", "withinClusterQueue"));
    Preemption.Builder b = Preemption.builder();
    at.enumValue(pr.get("reclaimWithinCohort"), p + ".reclaimWithinCohort", PreemptionPolicy.class,
        List.of(PreemptionPolicy.Never, PreemptionPolicy.LowerPriority, PreemptionPolicy.Any)).ifPresent(b::reclaimWithinCohort);
    at.enumValue(pr.get("withinClusterQueue"), p + ".withinClusterQueue", PreemptionPolicy.class,
        List.of(PreemptionPolicy.Never, PreemptionPolicy.LowerPriority, PreemptionPolicy.LowerOrNewerEqualPriority)).ifPresent(b::withinClusterQueue);
    JsonNode bwc = at.object(pr.get("borrowWithinCohort"), p + ".borrowWithinCohort");
    at.onlyKnown(bwc, p + ".borrowWithinCohort", Set.of("policy", "maxPriorityThreshold"));
    at.enumValue(bwc.get("policy"), p + ".borrowWithinCohort.policy", BorrowWithinCohortPolicy.class).ifPresent(b::borrowWithinCohort);
    at.int32(bwc.get("maxPriorityThreshold"), p + ".borrowWithinCohort.maxPriorityThreshold").ifPresent(b::maxPriorityThreshold);
    return b.build();
  }

  private static LabelSelector selector(JsonNode node, String p, TreeCursor at) {
    JsonNode s = at.object(node, p);
    at.onlyKnown(s, p, Set.of("matchLabels", "matchExpressions"));
    LabelSelector.Builder b = LabelSelector.builder().matchLabels(at.textMap(s.get("matchLabels"), p + ".matchLabels"));
    List<JsonNode> exprs = at.list(s.get("matchExpressions"), p + ".matchExpressions");
    for (int i = 0; i < exprs.size(); i++) {
      String ep = p + ".matchExpressions[" + i + "]";
      JsonNode e = at.object(exprs.get(i), ep);
      at.onlyKnown(e, ep, Set.of("key", "operator", "values"));
      String key = at.requiredText(e.get("key"), ep + ".key");
      if (e.get("operator") == null) {
        at.error(ep + ".operator", "Required value");
      }
      List<String> values = at.textList(e.get("values"), ep + ".values");
      at.enumValue(e.get("operator"), ep + ".operator", LabelSelector.Operator.class).ifPresent(op -> {
        try {
          b.addMatchExpression(LabelSelector.Requirement.of(key, op, values.toArray(String[]::new)));
        } catch (InvalidSpecException x) {
          x.violations().forEach(v -> at.error(ep + "." + v.field(), v.message()));
        }
      });
    }
    return b.build();
  }

  private static List<ResourceGroup> resourceGroups(JsonNode node, String path, TreeCursor at) {
    List<ResourceGroup> groups = new ArrayList<>();
    List<JsonNode> items = at.list(node, path);
    for (int i = 0; i < items.size(); i++) {
      String p = path + "[" + i + "]";
      JsonNode g = at.object(items.get(i), p);
      at.onlyKnown(g, p, Set.of("coveredResources", "flavors"));
      ResourceGroup.Builder gb = ResourceGroup.builder().coveredResources(at.textList(g.get("coveredResources"), p + ".coveredResources"));
      List<JsonNode> flavors = at.list(g.get("flavors"), p + ".flavors");
      for (int j = 0; j < flavors.size(); j++) {
        String fp = p + ".flavors[" + j + "]";
        JsonNode f = at.object(flavors.get(j), fp);
        at.onlyKnown(f, fp, Set.of("name", "resources"));
        FlavorQuotas.Builder fb = FlavorQuotas.builder().name(at.requiredText(f.get("name"), fp + ".name"));
        List<JsonNode> resources = at.list(f.get("resources"), fp + ".resources");
        for (int k = 0; k < resources.size(); k++) {
          String rp = fp + ".resources[" + k + "]";
          JsonNode r = at.object(resources.get(k), rp);
          at.onlyKnown(r, rp, Set.of("name", "nominalQuota", "borrowingLimit", "lendingLimit"));
          ResourceQuota.Builder rb = ResourceQuota.builder().name(at.requiredText(r.get("name"), rp + ".name"));
          at.quantity(r.get("nominalQuota"), rp + ".nominalQuota").ifPresent(rb::nominalQuota);
          at.quantity(r.get("borrowingLimit"), rp + ".borrowingLimit").ifPresent(rb::borrowingLimit);
          at.quantity(r.get("lendingLimit"), rp + ".lendingLimit").ifPresent(rb::lendingLimit);
          fb.addResource(rb.build());
        }
        gb.addFlavor(fb.build());
      }
      groups.add(gb.build());
    }
    return groups;
  }

  private static LocalQueue localQueue(String name, JsonNode tree, JsonNode spec, TreeCursor at) {
    at.onlyKnown(spec, "spec", Set.of("clusterQueue", "stopPolicy", "fairSharing"));
    String namespace = at.text(tree.path("metadata").get("namespace"), "metadata.namespace").filter(s -> !s.isEmpty()).orElse("default");
    LocalQueue.Builder b = LocalQueue.builder().namespace(namespace).name(name)
        .clusterQueue(at.requiredText(spec.get("clusterQueue"), "spec.clusterQueue"));
    at.enumValue(spec.get("stopPolicy"), "spec.stopPolicy", StopPolicy.class).ifPresent(b::stopPolicy);
    fairSharing(spec.get("fairSharing"), "spec.fairSharing", at).ifPresent(b::fairSharingWeight);
    return b.build();
  }

  private static Cohort cohort(String name, JsonNode spec, TreeCursor at) {
    at.onlyKnown(spec, "spec", Set.of("parentName", "resourceGroups", "fairSharing"));
    Cohort.Builder b = Cohort.builder().name(name)
        .resourceGroups(resourceGroups(spec.get("resourceGroups"), "spec.resourceGroups", at));
    at.text(spec.get("parentName"), "spec.parentName").filter(s -> !s.isEmpty()).ifPresent(b::parentName);
    fairSharing(spec.get("fairSharing"), "spec.fairSharing", at).ifPresent(b::fairSharingWeight);
    return b.build();
  }

  /** A WorkloadPriorityClass keeps {@code value} and {@code description} at the top level, like a PriorityClass. */
  private static WorkloadPriorityClass priorityClass(String name, JsonNode tree, TreeCursor at) {
    at.onlyKnown(tree, "", Set.of("apiVersion", "kind", "metadata", "value", "description"));
    if (tree.get("value") == null) {
      at.error("value", "Required value");
    }
    WorkloadPriorityClass.Builder b = WorkloadPriorityClass.builder().name(name)
        .value(at.int32(tree.get("value"), "value").orElse(0));
    at.text(tree.get("description"), "description").ifPresent(b::description);
    return b.build();
  }
}
