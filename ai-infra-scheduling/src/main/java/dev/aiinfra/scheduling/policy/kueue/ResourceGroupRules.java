package dev.aiinfra.scheduling.policy.kueue;

import dev.aiinfra.core.model.FieldErrorType;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.scheduling.model.SchedulingCode;
import dev.aiinfra.scheduling.model.kueue.FlavorQuotas;
import dev.aiinfra.scheduling.model.kueue.ResourceGroup;
import dev.aiinfra.scheduling.model.kueue.ResourceQuota;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The resource-group rules ClusterQueues and Cohorts share (Kueue's {@code validateResourceGroups},
 * plus the CRD's list limits and its "same number of resources" rule): each resource and each
 * flavor in one group only, every flavor listing the covered resources in their order, quantities
 * not negative, limits only with somewhere to borrow from, and lending at most the nominal quota
 * (for ClusterQueues).
 */
final class ResourceGroupRules {
  static final int MAX_GROUPS = 16;
  static final int MAX_PER_GROUP = 64;
  static final int MAX_TOTAL = 256;
  static final int MAX_COMBINATIONS = 512;

  private ResourceGroupRules() {}

  /**
   * @param hasParent whether the object has a cohort (ClusterQueue) or a parent (Cohort)
   * @param cohortWord "cohort" or "parent", as Kueue's message words it
   * @param lendingAtMostNominal whether lendingLimit may not exceed nominalQuota (ClusterQueues only)
   */
  static void check(List<ResourceGroup> groups, FieldPath at, boolean hasParent, String cohortWord,
      boolean lendingAtMostNominal, Findings f) {
    if (groups.size() > MAX_GROUPS) {
      f.tooMany(at, groups.size(), MAX_GROUPS);
    }
    Set<String> seenResources = new HashSet<>();
    Set<String> seenFlavors = new HashSet<>();
    int totalFlavors = 0;
    int totalResources = 0;
    for (int i = 0; i < groups.size(); i++) {
      ResourceGroup g = groups.get(i);
      FieldPath gp = at.index(i);
      totalFlavors += g.flavors().size();
      totalResources += g.coveredResources().size();
      if (g.coveredResources().isEmpty()) {
        f.required(gp.child("coveredResources"), "a resource group covers at least one resource");
      } else if (g.coveredResources().size() > MAX_PER_GROUP) {
        f.tooMany(gp.child("coveredResources"), g.coveredResources().size(), MAX_PER_GROUP);
      }
      if (g.flavors().isEmpty()) {
        f.required(gp.child("flavors"), "a resource group has at least one flavor");
      } else if (g.flavors().size() > MAX_PER_GROUP) {
        f.tooMany(gp.child("flavors"), g.flavors().size(), MAX_PER_GROUP);
      }
      if (g.flavors().stream().anyMatch(fq -> fq.resources().size() != g.coveredResources().size())) {
        f.invalid(SchedulingCode.KUEUE_RESOURCE_ORDER, gp, "resourceGroups[" + i + "]",
            "flavors must have the same number of resources as the coveredResources",
            "Give every flavor one quota per covered resource (" + String.join(", ", g.coveredResources()) + "), in that order.");
      }
      for (int j = 0; j < g.coveredResources().size(); j++) {
        String name = g.coveredResources().get(j);
        FieldPath rp = gp.child("coveredResources").index(j);
        f.resourceName(rp, name);
        if (!seenResources.add(name)) {
          f.add(SchedulingCode.KUEUE_RESOURCE_DUPLICATE, FieldViolation.of(rp, FieldErrorType.Duplicate, name, ""),
              "Cover " + name + " in one resource group only.");
        }
      }
      int combinations = 0;
      for (int j = 0; j < g.flavors().size(); j++) {
        FlavorQuotas fq = g.flavors().get(j);
        FieldPath fp = gp.child("flavors").index(j);
        combinations += fq.resources().size();
        f.objectName(fp.child("name"), fq.name());
        if (fq.resources().isEmpty()) {
          f.required(fp.child("resources"), "a flavor has a quota for each covered resource");
        } else if (fq.resources().size() > MAX_PER_GROUP) {
          f.tooMany(fp.child("resources"), fq.resources().size(), MAX_PER_GROUP);
        }
        quotas(fq, g.coveredResources(), fp, hasParent, cohortWord, lendingAtMostNominal, f);
        if (!seenFlavors.add(fq.name())) {
          f.add(SchedulingCode.KUEUE_FLAVOR_DUPLICATE, FieldViolation.of(fp.child("name"), FieldErrorType.Duplicate, fq.name(), ""),
              "Use flavor " + fq.name() + " in one resource group only; make a second ResourceFlavor for the other resources.");
        }
      }
      if (combinations > MAX_COMBINATIONS) {
        f.invalid(SchedulingCode.KUEUE_TOO_MANY, gp, combinations,
            "number of flavor-resource combinations in a resourceGroup must be ≤ " + MAX_COMBINATIONS + ", got " + combinations,
            "Split the group's flavors over several resource groups.");
      }
    }
    if (totalFlavors > MAX_TOTAL) {
      f.invalid(SchedulingCode.KUEUE_TOO_MANY, at, totalFlavors,
          "total number of flavors across all resourceGroups must be ≤ " + MAX_TOTAL + ", got " + totalFlavors, "Use fewer flavors.");
    }
    if (totalResources > MAX_TOTAL) {
      f.invalid(SchedulingCode.KUEUE_TOO_MANY, at, totalResources,
          "total number of covered resources across all resourceGroups must be ≤ " + MAX_TOTAL + ", got " + totalResources,
          "Cover fewer resources.");
    }
  }

  /** Kueue's {@code validateFlavorQuotas}: only the first {@code covered.size()} quotas are checked, as upstream does. */
  private static void quotas(FlavorQuotas fq, List<String> covered, FieldPath fp, boolean hasParent, String cohortWord,
      boolean lendingAtMostNominal, Findings f) {
    for (int k = 0; k < fq.resources().size() && k < covered.size(); k++) {
      ResourceQuota q = fq.resources().get(k);
      FieldPath qp = fp.child("resources").index(k);
      if (!q.name().equals(covered.get(k))) {
        f.invalid(SchedulingCode.KUEUE_RESOURCE_ORDER, qp.child("name"), q.name(), "must match the name in coveredResources",
            "Put " + covered.get(k) + " here: a flavor lists the covered resources in their order (" + String.join(", ", covered) + ").");
      }
      notNegative(q.nominalQuota(), qp.child("nominalQuota"), f);
      Optional<Quantity> borrowing = q.borrowingLimit();
      if (borrowing.isPresent()) {
        limit(borrowing.get(), qp.child("borrowingLimit"), hasParent, cohortWord, f);
        notNegative(borrowing.get(), qp.child("borrowingLimit"), f);
      }
      Optional<Quantity> lending = q.lendingLimit();
      if (lending.isPresent()) {
        notNegative(lending.get(), qp.child("lendingLimit"), f);
        limit(lending.get(), qp.child("lendingLimit"), hasParent, cohortWord, f);
        if (lendingAtMostNominal && lending.get().compareTo(q.nominalQuota()) > 0) {
          f.invalid(SchedulingCode.KUEUE_LENDING_OVER_NOMINAL, qp.child("lendingLimit"), lending.get(),
              "must be less than or equal to the nominalQuota",
              "Lower lendingLimit to at most " + q.nominalQuota() + ", or raise nominalQuota.");
        }
      }
    }
  }

  private static void notNegative(Quantity q, FieldPath at, Findings f) {
    if (q.signum() < 0) {
      f.invalid(SchedulingCode.KUEUE_QUOTA_NEGATIVE, at, q, "must be greater than or equal to 0", "Use 0 or more.");
    }
  }

  private static void limit(Quantity q, FieldPath at, boolean hasParent, String cohortWord, Findings f) {
    if (!hasParent) {
      f.invalid(SchedulingCode.KUEUE_LIMIT_WITHOUT_COHORT, at, q, "must be nil when " + cohortWord + " is empty",
          cohortWord.equals("cohort") ? "Set spec.cohortName, or drop the limit: without a cohort there is nothing to borrow or lend."
              : "Set spec.parentName, or drop the limit: without a parent there is nothing to borrow or lend.");
    }
  }
}
