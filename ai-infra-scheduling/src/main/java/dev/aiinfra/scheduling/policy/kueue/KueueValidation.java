package dev.aiinfra.scheduling.policy.kueue;

import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.validation.NameRules;
import dev.aiinfra.scheduling.model.SchedulingCode;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.kueue.AdmissionCheckRule;
import dev.aiinfra.scheduling.model.kueue.BorrowWithinCohortPolicy;
import dev.aiinfra.scheduling.model.kueue.ClusterQueue;
import dev.aiinfra.scheduling.model.kueue.Cohort;
import dev.aiinfra.scheduling.model.kueue.FlavorFungibility;
import dev.aiinfra.scheduling.model.kueue.KueueObjects;
import dev.aiinfra.scheduling.model.kueue.LocalQueue;
import dev.aiinfra.scheduling.model.kueue.Preemption;
import dev.aiinfra.scheduling.model.kueue.PreemptionPolicy;
import dev.aiinfra.scheduling.model.kueue.ResourceFlavor;
import dev.aiinfra.scheduling.model.kueue.WorkloadPriorityClass;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kueue objects checked as Kueue v0.19's admission webhooks ({@code pkg/webhooks}) and its CRDs'
 * schema rules (list limits, enums, CEL rules) check them on create, so that what the SDK writes is
 * what the API server accepts: every broken rule is a {@link KueueFinding} with a stable {@link
 * SchedulingCode}, the field path and Kueue's own wording where it has one. Rules about updates
 * (immutable fields) and about other objects (a LocalQueue's ClusterQueue existing) are not
 * webhook rules on create and are not checked here.
 */
public final class KueueValidation {
  static final int MAX_FLAVOR_ITEMS = 8;
  static final int MAX_ADMISSION_CHECKS = 64;
  static final int MAX_DESCRIPTION = 2048;
  private static final Quantity ONE_NANO = Quantity.parse("1n");

  private KueueValidation() {}

  public static List<KueueFinding> validate(ResourceFlavor flavor) {
    Findings f = new Findings("ResourceFlavor " + flavor.name());
    f.objectName(FieldPath.of("metadata.name"), flavor.name());
    FieldPath spec = FieldPath.of("spec");
    FieldPath labels = spec.child("nodeLabels");
    if (flavor.nodeLabels().size() > MAX_FLAVOR_ITEMS) {
      f.tooMany(labels, flavor.nodeLabels().size(), MAX_FLAVOR_ITEMS);
    }
    for (Map.Entry<String, String> e : flavor.nodeLabels().entrySet()) {
      f.labelKey(labels, e.getKey());
      f.labelValue(labels.key(e.getKey()), e.getValue());
    }
    FieldPath taints = spec.child("nodeTaints");
    if (flavor.nodeTaints().size() > MAX_FLAVOR_ITEMS) {
      f.tooMany(taints, flavor.nodeTaints().size(), MAX_FLAVOR_ITEMS);
    }
    Set<String> keyAndEffect = new HashSet<>();
    for (int i = 0; i < flavor.nodeTaints().size(); i++) {
      Taint t = flavor.nodeTaints().get(i);
      f.labelKey(taints.index(i).child("key"), t.key());
      f.labelValue(taints.index(i).child("value"), t.value());
      if (!keyAndEffect.add(t.key() + "\u0000" + t.effect())) {
        f.add(SchedulingCode.KUEUE_TAINT_DUPLICATE, FieldViolation.of(taints.index(i), FieldErrorType.Duplicate, t,
            "taints must be unique by key and effect pair"), "Keep one taint " + t.key() + ":" + t.effect() + ".");
      }
    }
    FieldPath tolerations = spec.child("tolerations");
    if (flavor.tolerations().size() > MAX_FLAVOR_ITEMS) {
      f.tooMany(tolerations, flavor.tolerations().size(), MAX_FLAVOR_ITEMS);
    }
    for (int i = 0; i < flavor.tolerations().size(); i++) {
      Toleration t = flavor.tolerations().get(i);
      if (!t.key().isEmpty()) {
        f.labelKey(tolerations.index(i).child("key"), t.key());
      }
    }
    flavor.topologyName().ifPresent(name -> {
      f.objectName(spec.child("topologyName"), name);
      if (flavor.nodeLabels().isEmpty()) {
        f.invalid(SchedulingCode.KUEUE_FLAVOR_TOPOLOGY_WITHOUT_LABELS, spec, "topologyName: " + name,
            "at least one nodeLabel is required when topology is set",
            "Add the label that selects this flavor's nodes, e.g. nvidia.com/gpu.product.");
      }
    });
    return f.list();
  }

  /** A Topology's levels are checked when it is built; its name is checked here. */
  public static List<KueueFinding> validate(Topology topology) {
    Findings f = new Findings("Topology " + topology.name());
    f.objectName(FieldPath.of("metadata.name"), topology.name());
    return f.list();
  }

  public static List<KueueFinding> validate(ClusterQueue queue) {
    Findings f = new Findings("ClusterQueue " + queue.name());
    f.objectName(FieldPath.of("metadata.name"), queue.name());
    FieldPath spec = FieldPath.of("spec");
    queue.cohortName().ifPresent(c -> f.objectName(spec.child("cohortName"), c));
    ResourceGroupRules.check(queue.resourceGroups(), spec.child("resourceGroups"), queue.cohortName().isPresent(), "cohort", true, f);
    queue.namespaceSelector().ifPresent(s -> selector(s, spec.child("namespaceSelector"), f));
    preemption(queue.preemption(), spec.child("preemption"), f);
    fungibility(queue.flavorFungibility(), spec.child("flavorFungibility"), f);
    queue.fairSharingWeight().ifPresent(w -> weight(w, spec.child("fairSharing"), f));
    admissionChecks(queue, spec.child("admissionChecksStrategy").child("admissionChecks"), f);
    return f.list();
  }

  public static List<KueueFinding> validate(LocalQueue queue) {
    Findings f = new Findings("LocalQueue " + queue.namespace() + "/" + queue.name());
    for (String e : NameRules.dns1123Label(queue.namespace())) {
      f.invalid(SchedulingCode.KUEUE_NAME_INVALID, FieldPath.of("metadata.namespace"), queue.namespace(), e,
          "Use the namespace's name: lower-case letters, digits and '-', at most 63 characters.");
    }
    f.objectName(FieldPath.of("metadata.name"), queue.name());
    f.objectName(FieldPath.of("spec.clusterQueue"), queue.clusterQueue());
    queue.fairSharingWeight().ifPresent(w -> weight(w, FieldPath.of("spec.fairSharing"), f));
    return f.list();
  }

  public static List<KueueFinding> validate(Cohort cohort) {
    Findings f = new Findings("Cohort " + cohort.name());
    f.objectName(FieldPath.of("metadata.name"), cohort.name());
    FieldPath spec = FieldPath.of("spec");
    cohort.parentName().ifPresent(p -> f.objectName(spec.child("parentName"), p));
    cohort.fairSharingWeight().ifPresent(w -> weight(w, spec.child("fairSharing"), f));
    ResourceGroupRules.check(cohort.resourceGroups(), spec.child("resourceGroups"), cohort.parentName().isPresent(), "parent", false, f);
    return f.list();
  }

  public static List<KueueFinding> validate(WorkloadPriorityClass priorityClass) {
    Findings f = new Findings("WorkloadPriorityClass " + priorityClass.name());
    f.objectName(FieldPath.of("metadata.name"), priorityClass.name());
    if (priorityClass.description().length() > MAX_DESCRIPTION) {
      f.add(SchedulingCode.KUEUE_TOO_MANY, FieldViolation.of(FieldPath.of("description"), FieldErrorType.TooLong,
          "may not be more than " + MAX_DESCRIPTION + " characters"), "Shorten the description.");
    }
    return f.list();
  }

  /** Every object's findings, kind by kind in {@link KueueObjects}' order. */
  public static List<KueueFinding> validate(KueueObjects objects) {
    List<KueueFinding> all = new ArrayList<>();
    objects.resourceFlavors().forEach(o -> all.addAll(validate(o)));
    objects.topologies().forEach(o -> all.addAll(validate(o)));
    objects.cohorts().forEach(o -> all.addAll(validate(o)));
    objects.clusterQueues().forEach(o -> all.addAll(validate(o)));
    objects.localQueues().forEach(o -> all.addAll(validate(o)));
    objects.workloadPriorityClasses().forEach(o -> all.addAll(validate(o)));
    return all;
  }

  /**
   * Throws {@link InvalidSpecException} with every finding when any object breaks a rule; paths name
   * the object ({@code ClusterQueue gpu: spec.resourceGroups[0]...}).
   */
  public static void requireValid(KueueObjects objects) {
    List<KueueFinding> found = validate(objects);
    if (!found.isEmpty()) {
      throw new InvalidSpecException(found.stream().map(x -> new FieldViolation(
          x.object() + ": " + x.violation().field(), x.violation().type(), x.violation().badValue(), x.violation().detail())).toList());
    }
  }

  private static void selector(LabelSelector s, FieldPath at, Findings f) {
    for (Map.Entry<String, String> e : s.matchLabels().entrySet()) {
      f.labelKey(at.child("matchLabels"), e.getKey());
      f.labelValue(at.child("matchLabels").key(e.getKey()), e.getValue());
    }
    for (int i = 0; i < s.matchExpressions().size(); i++) {
      LabelSelector.Requirement r = s.matchExpressions().get(i);
      FieldPath rp = at.child("matchExpressions").index(i);
      f.labelKey(rp.child("key"), r.key());
      for (int j = 0; j < r.values().size(); j++) {
        f.labelValue(rp.child("values").index(j), r.values().get(j));
      }
    }
  }

  private static void preemption(Preemption p, FieldPath at, Findings f) {
    List<PreemptionPolicy> reclaim = List.of(PreemptionPolicy.Never, PreemptionPolicy.LowerPriority, PreemptionPolicy.Any);
    if (!reclaim.contains(p.reclaimWithinCohort())) {
      f.add(SchedulingCode.KUEUE_VALUE_UNSUPPORTED, FieldViolation.of(at.child("reclaimWithinCohort"), FieldErrorType.NotSupported,
          p.reclaimWithinCohort(), "supported values: \"Never\", \"LowerPriority\", \"Any\""),
          "Use LowerPriority (or Any); LowerOrNewerEqualPriority is a withinClusterQueue policy.");
    }
    List<PreemptionPolicy> within = List.of(PreemptionPolicy.Never, PreemptionPolicy.LowerPriority, PreemptionPolicy.LowerOrNewerEqualPriority);
    if (!within.contains(p.withinClusterQueue())) {
      f.add(SchedulingCode.KUEUE_VALUE_UNSUPPORTED, FieldViolation.of(at.child("withinClusterQueue"), FieldErrorType.NotSupported,
          p.withinClusterQueue(), "supported values: \"Never\", \"LowerPriority\", \"LowerOrNewerEqualPriority\""),
          "Use LowerPriority or LowerOrNewerEqualPriority; Any is a reclaimWithinCohort policy.");
    }
    if (p.reclaimWithinCohort() == PreemptionPolicy.Never && p.borrowWithinCohort() != BorrowWithinCohortPolicy.Never) {
      f.invalid(SchedulingCode.KUEUE_PREEMPTION_CONFLICT, at, "reclaimWithinCohort: Never, borrowWithinCohort.policy: " + p.borrowWithinCohort(),
          "reclaimWithinCohort=Never and borrowWithinCohort.Policy!=Never",
          "Set reclaimWithinCohort to LowerPriority or Any, or borrowWithinCohort.policy to Never.");
    }
  }

  private static void fungibility(FlavorFungibility ff, FieldPath at, Findings f) {
    Optional<FlavorFungibility.Preference> preference = ff.preference();
    if (preference.isPresent() && (ff.whenCanBorrow() != FlavorFungibility.Policy.TryNextFlavor
        || ff.whenCanPreempt() != FlavorFungibility.Policy.TryNextFlavor)) {
      f.invalid(SchedulingCode.KUEUE_FUNGIBILITY_PREFERENCE, at.child("preference"), preference.get(),
          "preference \"" + preference.get() + "\" requires both whenCanBorrow and whenCanPreempt to be TryNextFlavor",
          "Set whenCanBorrow and whenCanPreempt to TryNextFlavor, or drop the preference.");
    }
  }

  /** Kueue's {@code validateFairSharing}: not negative, and not so small that it collapses to zero. */
  private static void weight(Quantity w, FieldPath at, Findings f) {
    if (w.signum() < 0) {
      f.invalid(SchedulingCode.KUEUE_FAIR_SHARING_WEIGHT, at, w, "must be greater than or equal to 0", "Use 0 or a positive weight.");
    }
    if (w.signum() > 0 && w.compareTo(ONE_NANO) <= 0) {
      f.invalid(SchedulingCode.KUEUE_FAIR_SHARING_WEIGHT, at, w, "When not 0, weight must be > 10e-9", "Use 0, or a weight above 1n.");
    }
  }

  private static void admissionChecks(ClusterQueue queue, FieldPath at, Findings f) {
    List<AdmissionCheckRule> checks = queue.admissionChecks();
    if (checks.size() > MAX_ADMISSION_CHECKS) {
      f.tooMany(at, checks.size(), MAX_ADMISSION_CHECKS);
    }
    List<String> flavors = queue.flavorNames();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < checks.size(); i++) {
      AdmissionCheckRule c = checks.get(i);
      FieldPath cp = at.index(i);
      f.objectName(cp.child("name"), c.name());
      if (!names.add(c.name())) {
        f.add(SchedulingCode.KUEUE_ADMISSION_CHECK_INVALID, FieldViolation.of(cp.child("name"), FieldErrorType.Duplicate, c.name(), ""),
            "List admission check " + c.name() + " once, with all its flavors in onFlavors.");
      }
      if (c.onFlavors().size() > MAX_ADMISSION_CHECKS) {
        f.tooMany(cp.child("onFlavors"), c.onFlavors().size(), MAX_ADMISSION_CHECKS);
      }
      Set<String> on = new HashSet<>();
      for (int j = 0; j < c.onFlavors().size(); j++) {
        String flavor = c.onFlavors().get(j);
        FieldPath op = cp.child("onFlavors").index(j);
        if (!on.add(flavor)) {
          f.add(SchedulingCode.KUEUE_ADMISSION_CHECK_INVALID, FieldViolation.of(op, FieldErrorType.Duplicate, flavor, ""),
              "List flavor " + flavor + " once.");
        } else if (!flavors.contains(flavor)) {
          f.add(SchedulingCode.KUEUE_ADMISSION_CHECK_INVALID, FieldViolation.of(op, FieldErrorType.NotSupported, flavor,
              "supported values: " + String.join(", ", flavors.stream().map(n -> "\"" + n + "\"").toList())),
              "Name a flavor of this ClusterQueue's resource groups, or add " + flavor + " to one.");
        }
      }
    }
  }
}
