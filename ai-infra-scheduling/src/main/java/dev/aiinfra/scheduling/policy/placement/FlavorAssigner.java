package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.node.NodeSelectorRequirement;
import dev.aiinfra.core.model.node.NodeSelectorTerm;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.kueue.BorrowWithinCohortPolicy;
import dev.aiinfra.scheduling.model.kueue.ClusterQueue;
import dev.aiinfra.scheduling.model.kueue.FlavorFungibility;
import dev.aiinfra.scheduling.model.kueue.FlavorQuotas;
import dev.aiinfra.scheduling.model.kueue.ResourceFlavor;
import dev.aiinfra.scheduling.model.kueue.ResourceGroup;
import dev.aiinfra.scheduling.policy.placement.QuotaTree.FlavorResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Kueue's flavor assignment for one workload on one ClusterQueue ({@code flavorassigner.go} at
 * v0.19): per pod-set group and per resource, the flavors of the resource's group are tried in the
 * queue's order; a flavor must match the pod set (TAS support, untolerated flavor taints, the pod's
 * node selector and required affinity restricted to the flavor's label keys), then every covered
 * resource must fit the quota (with what earlier pod sets of the workload took, and borrowing from
 * the cohort within its limits). The first flavor that fits wins under Kueue's default flavor
 * fungibility; reasons are Kueue's words. Preemption is not simulated: a flavor that would need it
 * does not fit now.
 */
final class FlavorAssigner {
  /** Kueue's {@code preemptionMode}, worst first. */
  enum Mode {
    NO_FIT,
    NO_CANDIDATES,
    FIT
  }

  /** Why a flavor or resource did not fit, in Kueue's order of severity (NoFitReason). */
  enum Severity {
    NONE,
    TOPOLOGY,
    WAITING_FOR_QUOTA,
    EXCEEDS_MAX_QUOTA,
    NO_MATCHING_FLAVOR
  }

  /** One pod set's flavors and status after assignment. */
  static final class PodSetAssignment {
    final PodSet podSet;
    final Map<String, Long> requests;
    final Map<String, String> flavors = new TreeMap<>();
    final List<String> reasons = new ArrayList<>();
    Mode mode = Mode.FIT;
    Severity severity = Severity.NONE;

    PodSetAssignment(PodSet podSet, Map<String, Long> requests) {
      this.podSet = podSet;
      this.requests = requests;
    }

    boolean fits() {
      return reasons.isEmpty() && mode == Mode.FIT;
    }

    /** Kueue's {@code Status.Message}: the reasons sorted and joined. */
    String message() {
      List<String> sorted = new ArrayList<>(reasons);
      sorted.sort(null);
      return String.join(", ", sorted);
    }
  }

  /** Whether a pod set asks for topology-aware scheduling, explicitly or implied by a TAS-only queue. */
  interface TasRules {
    boolean requested(PodSet podSet);

    boolean implied(PodSet podSet);

    /** The reason a TAS flavor cannot serve the pod set (missing topology, missing level), or empty. */
    Optional<String> flavorMismatch(PodSet podSet, ResourceFlavor flavor);
  }

  private final ClusterQueue cq;
  private final QuotaTree.Node node;
  private final Map<String, ResourceFlavor> flavors;
  private final TasRules tas;
  /** What earlier pod sets of this workload took, per flavor and resource ({@code assignment.Usage}). */
  private final Map<FlavorResource, Long> assumed = new LinkedHashMap<>();

  FlavorAssigner(ClusterQueue cq, QuotaTree.Node node, Map<String, ResourceFlavor> flavors, TasRules tas) {
    this.cq = cq;
    this.node = node;
    this.flavors = flavors;
    this.tas = tas;
  }

  /** What the workload takes of each (flavor, resource), once {@link #assign} succeeded. */
  Map<FlavorResource, Long> usage() {
    return assumed;
  }

  /**
   * Assigns flavors to the pod-set groups in order; stops at the first group that gets no flavor for a
   * resource, as Kueue does. Every pod set of the workload appears in the result, in group order.
   */
  List<PodSetAssignment> assign(List<List<PodSet>> groups) {
    boolean coversPods = cq.groupCovering(ResourceIndex.PODS).isPresent();
    List<PodSetAssignment> out = new ArrayList<>();
    for (List<PodSet> group : groups) {
      List<PodSetAssignment> members = new ArrayList<>();
      Map<String, Long> total = new TreeMap<>(KUEUE_RESOURCE_ORDER);
      for (PodSet ps : group) {
        Map<String, Long> req = totalRequests(ps, coversPods);
        members.add(new PodSetAssignment(ps, req));
        req.forEach((r, v) -> total.merge(r, v, CapacityMath::add));
      }
      GroupOutcome outcome = assignGroup(group, total);
      for (PodSetAssignment m : members) {
        if (outcome.flavors != null) {
          outcome.flavors.forEach((r, f) -> {
            if (m.requests.containsKey(r)) {
              m.flavors.put(r, f);
            }
          });
        }
        m.reasons.addAll(outcome.reasons);
        m.mode = outcome.flavors == null ? Mode.NO_FIT : outcome.mode;
        m.severity = outcome.severity;
        // Kueue's assignment.append: this pod set's requests count against the flavors for the next.
        m.flavors.forEach((r, f) -> assumed.merge(new FlavorResource(f, r), m.requests.get(r), CapacityMath::add));
        out.add(m);
      }
      boolean failed = outcome.flavors == null || members.stream().anyMatch(m -> !m.requests.isEmpty() && m.flavors.isEmpty());
      if (failed) {
        for (PodSetAssignment m : members) {
          m.mode = Mode.NO_FIT;
        }
        return out;
      }
    }
    return out;
  }

  /**
   * The order Kueue walks a workload's resources in ({@code SliceRequests}, gate {@code
   * VectorizedResourceRequests}, on since v0.19): by the FNV-1a 64-bit hash of the name, unsigned, then
   * by name. It decides which resource group's failure Kueue reports when several fail.
   */
  static final java.util.Comparator<String> KUEUE_RESOURCE_ORDER = (a, b) -> {
    int c = Long.compareUnsigned(fnv1a64(a), fnv1a64(b));
    return c != 0 ? c : a.compareTo(b);
  };

  private static long fnv1a64(String name) {
    long h = 0xcbf29ce484222325L;
    for (byte x : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      h ^= x & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** A pod set's requests times its count ({@code TotalRequests}), with {@code pods: count} when the queue covers pods. */
  private static Map<String, Long> totalRequests(PodSet ps, boolean coversPods) {
    Map<String, Long> out = new TreeMap<>();
    ps.requests().asMap().forEach((r, q) -> {
      long single = Math.max(0, ResourceIndex.units(r, q));
      out.put(r, CapacityMath.multiply(single, ps.count()));
    });
    if (coversPods) {
      out.put(ResourceIndex.PODS, (long) ps.count());
    }
    return out;
  }

  private static final class GroupOutcome {
    Map<String, String> flavors = new TreeMap<>();
    final List<String> reasons = new ArrayList<>();
    Mode mode = Mode.FIT;
    Severity severity = Severity.NONE;
  }

  private GroupOutcome assignGroup(List<PodSet> group, Map<String, Long> requests) {
    GroupOutcome outcome = new GroupOutcome();
    for (Map.Entry<String, Long> e : requests.entrySet()) {
      String resource = e.getKey();
      Optional<ResourceGroup> rg = cq.groupCovering(resource);
      if (rg.isEmpty()) {
        if (e.getValue() == 0) {
          continue;
        }
        GroupOutcome failed = new GroupOutcome();
        failed.flavors = null;
        failed.reasons.add("resource " + resource + " unavailable in ClusterQueue");
        failed.severity = Severity.NO_MATCHING_FLAVOR;
        return failed;
      }
      if (outcome.flavors.containsKey(resource)) {
        continue;
      }
      GroupOutcome found = findFlavor(group, requests, rg.get());
      if (found.flavors == null || found.flavors.isEmpty() && !requests.isEmpty()) {
        found.flavors = null;
        return found;
      }
      outcome.flavors.putAll(found.flavors);
      outcome.reasons.addAll(found.reasons);
      outcome.mode = worse(outcome.mode, found.mode);
      outcome.severity = found.severity.ordinal() > outcome.severity.ordinal() ? found.severity : outcome.severity;
    }
    return outcome;
  }

  private static Mode worse(Mode a, Mode b) {
    return a.ordinal() <= b.ordinal() ? a : b;
  }

  /** Kueue's {@code findFlavorForPodSets}: the flavors of one resource group tried in order for every resource it covers. */
  private GroupOutcome findFlavor(List<PodSet> group, Map<String, Long> requests, ResourceGroup rg) {
    GroupOutcome status = new GroupOutcome();
    Map<String, String> best = null;
    Mode bestMode = Mode.NO_FIT;
    int bestBorrow = Integer.MAX_VALUE;
    Severity minSeverity = null;
    FlavorFungibility fungibility = cq.flavorFungibility();
    for (FlavorQuotas fq : rg.flavors()) {
      String name = fq.name();
      Optional<String> mismatch = checkFlavor(group, name, rg);
      if (mismatch.isPresent()) {
        status.reasons.add(mismatch.get());
        minSeverity = min(minSeverity, Severity.NO_MATCHING_FLAVOR);
        continue;
      }
      Map<String, String> assignments = new TreeMap<>();
      Mode mode = Mode.FIT;
      int maxBorrow = 0;
      Severity flavorSeverity = Severity.NONE;
      for (Map.Entry<String, Long> e : requests.entrySet()) {
        if (!rg.coveredResources().contains(e.getKey())) {
          continue;
        }
        FlavorResource fr = new FlavorResource(name, e.getKey());
        QuotaFit fit = fitsResourceQuota(fr, assumed.getOrDefault(fr, 0L), e.getValue());
        fit.reason.ifPresent(status.reasons::add);
        if (fit.severity.ordinal() > flavorSeverity.ordinal()) {
          flavorSeverity = fit.severity;
        }
        maxBorrow = Math.max(maxBorrow, fit.borrow);
        mode = worse(mode, fit.mode);
        if (mode != Mode.NO_FIT) {
          assignments.put(e.getKey(), name);
        }
      }
      if (mode != Mode.FIT) {
        minSeverity = min(minSeverity, flavorSeverity == Severity.NONE ? Severity.WAITING_FOR_QUOTA : flavorSeverity);
      }
      if (!shouldTryNextFlavor(mode, maxBorrow, fungibility)) {
        best = assignments;
        bestMode = mode;
        break;
      }
      if (preferred(mode, maxBorrow, bestMode, bestBorrow)) {
        best = assignments;
        bestMode = mode;
        bestBorrow = maxBorrow;
      }
    }
    if (bestMode == Mode.FIT) {
      GroupOutcome fit = new GroupOutcome();
      fit.flavors = best;
      return fit;
    }
    status.flavors = best == null ? new TreeMap<>() : best;
    status.mode = bestMode;
    status.severity = minSeverity == null ? Severity.NO_MATCHING_FLAVOR : minSeverity;
    return status;
  }

  private static Severity min(Severity a, Severity b) {
    return a == null || b.ordinal() < a.ordinal() ? b : a;
  }

  /** Kueue's {@code shouldTryNextFlavor} with the queue's flavor fungibility. */
  private static boolean shouldTryNextFlavor(Mode mode, int borrow, FlavorFungibility f) {
    if (mode != Mode.FIT) {
      return true;
    }
    return borrow > 0 && f.whenCanBorrow() == FlavorFungibility.Policy.TryNextFlavor;
  }

  /** Kueue's {@code isPreferred}: a fitting flavor over one that cannot be admitted now; then less borrowing. */
  private static boolean preferred(Mode a, int aBorrow, Mode b, int bBorrow) {
    if (a == Mode.NO_FIT) {
      return false;
    }
    if (b == Mode.NO_FIT) {
      return true;
    }
    if ((a == Mode.NO_CANDIDATES) != (b == Mode.NO_CANDIDATES)) {
      return a != Mode.NO_CANDIDATES;
    }
    if (a != b) {
      return a.ordinal() > b.ordinal();
    }
    return aBorrow < bBorrow;
  }

  /** Kueue's {@code checkFlavorForPodSets}: TAS support, then untolerated flavor taints, then the pod's node constraints. */
  private Optional<String> checkFlavor(List<PodSet> group, String name, ResourceGroup rg) {
    ResourceFlavor flavor = flavors.get(name);
    if (flavor == null) {
      return Optional.of("flavor " + name + " not found");
    }
    for (PodSet ps : group) {
      Optional<String> tasMismatch = tasMatch(ps, flavor, rg);
      if (tasMismatch.isPresent()) {
        return tasMismatch;
      }
      List<Toleration> tolerations = new ArrayList<>(ps.tolerations());
      tolerations.addAll(flavor.tolerations());
      for (Taint t : flavor.nodeTaints()) {
        if ((t.effect() == TaintEffect.NoSchedule || t.effect() == TaintEffect.NoExecute)
            && tolerations.stream().noneMatch(tol -> tol.tolerates(t))) {
          return Optional.of("untolerated taint " + goTaint(t) + " in flavor " + name);
        }
      }
      if (!matchesFlavorLabels(ps, flavor.nodeLabels())) {
        return Optional.of("flavor " + name + " doesn't match node affinity");
      }
    }
    return Optional.empty();
  }

  /** Kueue's {@code checkPodSetAndFlavorMatchForTAS}. */
  private Optional<String> tasMatch(PodSet ps, ResourceFlavor flavor, ResourceGroup rg) {
    if (tas.requested(ps)) {
      if (tas.implied(ps)) {
        return Optional.empty();
      }
      if (flavor.topologyName().isEmpty()) {
        boolean overlaps = ps.requests().asMap().keySet().stream().anyMatch(rg.coveredResources()::contains)
            || rg.coveredResources().contains(ResourceIndex.PODS);
        return overlaps ? Optional.of("Flavor \"" + flavor.name() + "\" does not support TopologyAwareScheduling") : Optional.empty();
      }
      return tas.flavorMismatch(ps, flavor);
    }
    if (flavor.topologyName().isPresent()) {
      return Optional.of("Flavor \"" + flavor.name() + "\" supports only TopologyAwareScheduling");
    }
    return Optional.empty();
  }

  /** Go's {@code %s} of a {@code corev1.Taint} value (a struct: its fields in braces), as Kueue prints it. */
  private static String goTaint(Taint t) {
    return "{" + t.key() + " " + t.value() + " " + t.effect() + " <nil>}";
  }

  /**
   * Kueue's {@code flavorSelector}: the pod's nodeSelector and required node affinity restricted to the
   * flavor's label keys (a term left empty matches every flavor), matched against the flavor's labels.
   */
  static boolean matchesFlavorLabels(PodSet ps, Map<String, String> flavorLabels) {
    for (Map.Entry<String, String> e : ps.nodeSelector().entrySet()) {
      if (flavorLabels.containsKey(e.getKey()) && !e.getValue().equals(flavorLabels.get(e.getKey()))) {
        return false;
      }
    }
    List<NodeSelectorTerm> terms = new ArrayList<>();
    for (NodeSelectorTerm t : ps.requiredAffinity()) {
      List<NodeSelectorRequirement> kept = t.matchExpressions().stream().filter(r -> flavorLabels.containsKey(r.key())).toList();
      if (kept.isEmpty()) {
        return true;
      }
      terms.add(NodeSelectorTerm.builder().matchExpressions(kept).build());
    }
    return terms.isEmpty() || NodeSelectorTerm.anyMatches(terms, "", flavorLabels);
  }

  /** One resource's quota answer for a flavor. */
  private record QuotaFit(Mode mode, int borrow, Optional<String> reason, Severity severity) {}

  /** Kueue's {@code fitsResourceQuota}: beyond what the queue could ever get, fits now, or would need preemption. */
  private QuotaFit fitsResourceQuota(FlavorResource fr, long assumedUsage, long request) {
    long available = QuotaTree.available(node, fr);
    long maxCapacity = QuotaTree.potentialAvailable(node, fr);
    long val = CapacityMath.add(assumedUsage, request);
    if (val > maxCapacity) {
      return new QuotaFit(Mode.NO_FIT, 0, Optional.of("insufficient quota for " + fr.resource() + " in flavor " + fr.flavor()
          + ", previously considered podsets requests (" + format(fr.resource(), assumedUsage) + ") + current podset request ("
          + format(fr.resource(), request) + ") > maximum capacity (" + format(fr.resource(), maxCapacity) + ")"), Severity.EXCEEDS_MAX_QUOTA);
    }
    BorrowHeight height = lowestSubtreeThatFits(fr, val);
    if (val <= available) {
      return new QuotaFit(Mode.FIT, height.height, Optional.empty(), Severity.NONE);
    }
    String reason = "insufficient unused quota for " + fr.resource() + " in flavor " + fr.flavor() + ", "
        + format(fr.resource(), CapacityMath.subtract(val, available)) + " more needed";
    QuotaTree.Quota q = node.quotas.get(fr);
    long nominal = q == null ? 0 : q.nominal();
    // Kueue's canPreemptWhileBorrowing (fair sharing off).
    boolean borrowPreemption = cq.preemption().borrowWithinCohort() != BorrowWithinCohortPolicy.Never;
    if (nominal >= val || height.mayReclaim || borrowPreemption) {
      // Preemption could make room, but ai-infra admits into an idle queue and preempts nothing.
      return new QuotaFit(Mode.NO_CANDIDATES, height.height, Optional.of(reason), Severity.WAITING_FOR_QUOTA);
    }
    return new QuotaFit(Mode.NO_FIT, height.height, Optional.of(reason), Severity.WAITING_FOR_QUOTA);
  }

  private record BorrowHeight(int height, boolean mayReclaim) {}

  /** Kueue's {@code FindHeightOfLowestSubtreeThatFits}: how far up the cohort tree the amount is found, and whether reclaiming could help. */
  private BorrowHeight lowestSubtreeThatFits(FlavorResource fr, long val) {
    QuotaTree.Quota q = node.quotas.get(fr);
    long nominal = q == null ? 0 : q.nominal();
    boolean borrowing = nominal < CapacityMath.add(node.usage(fr), val);
    if (!borrowing || node.parent == null) {
      return new BorrowHeight(0, node.parent != null);
    }
    long remaining = CapacityMath.subtract(val, node.localAvailable(fr));
    int height = 1;
    for (QuotaTree.Node n = node.parent; n != null; n = n.parent, height++) {
      if (n.subtree(fr) >= CapacityMath.add(n.usage(fr), remaining)) {
        return new BorrowHeight(height, n.parent != null);
      }
      remaining = CapacityMath.subtract(remaining, n.localAvailable(fr));
    }
    return new BorrowHeight(height, false);
  }

  /** Kueue's {@code ResourceFormatter}: CPU in millicores, memory and storage in canonical binary units, the rest as counts. */
  static String format(String resource, long value) {
    if (resource.equals("cpu")) {
      return Quantity.ofMillis(value).toString();
    }
    if (resource.equals("memory") || resource.equals("ephemeral-storage") || resource.startsWith("hugepages-")) {
      return Quantity.parse(Quantity.ofBytes(value).toString()).toString();
    }
    return Quantity.of(value).toString();
  }
}
