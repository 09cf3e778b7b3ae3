package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.SchedulingCode;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.scheduling.model.TopologyMode;
import dev.aiinfra.scheduling.model.TopologyRequest;
import dev.aiinfra.scheduling.model.kueue.ClusterQueue;
import dev.aiinfra.scheduling.model.kueue.Cohort;
import dev.aiinfra.scheduling.model.kueue.FlavorQuotas;
import dev.aiinfra.scheduling.model.kueue.KueueObjects;
import dev.aiinfra.scheduling.model.kueue.LocalQueue;
import dev.aiinfra.scheduling.model.kueue.ResourceFlavor;
import dev.aiinfra.scheduling.model.kueue.ResourceGroup;
import dev.aiinfra.scheduling.model.kueue.ResourceQuota;
import dev.aiinfra.scheduling.model.kueue.StopPolicy;
import dev.aiinfra.scheduling.policy.placement.QuotaTree.FlavorResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Kueue admission of gangs submitted to a LocalQueue ({@code kueue.x-k8s.io/queue-name}), as Kueue
 * v0.19's scheduler does it for one workload at a time: the LocalQueue in the gang's namespace names
 * the ClusterQueue; the queue must exist, be active and select the namespace; flavors are assigned in
 * the queue's order with the quota checked (borrowing from the cohort within borrowing and lending
 * limits); then topology-aware placement runs on the chosen TAS flavor. A gang that fits the nodes but
 * not the quota is refused with Kueue's reason. Admitted gangs count against the quota for the next.
 *
 * <p>Not modelled: preemption (the queue starts idle; a gang that would need to preempt waits),
 * partial admission, admission checks, fair sharing, and namespace labels other than {@code
 * kubernetes.io/metadata.name}.
 */
final class KueueAdmission {
  private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  private final KueueObjects kueue;
  private final Map<String, ResourceFlavor> flavors = new LinkedHashMap<>();
  /** The domain tree of every TAS flavor whose Topology is in the input. */
  private final Map<String, TopologyTree> trees;
  private final boolean mixedProfile;
  private final QuotaTree quota = new QuotaTree();
  private final Set<String> cyclic = new HashSet<>();

  KueueAdmission(KueueObjects kueue, Map<String, TopologyTree> trees, boolean mixedProfile) {
    this.kueue = kueue;
    this.trees = trees;
    this.mixedProfile = mixedProfile;
    kueue.resourceFlavors().forEach(f -> flavors.put(f.name(), f));
    buildQuotaTree();
  }

  /** Whether the gang is admitted through a queue: it names a LocalQueue and the input has ClusterQueues. */
  static boolean applies(Gang gang, KueueObjects kueue) {
    return gang.queueName().isPresent() && !kueue.clusterQueues().isEmpty();
  }

  private void buildQuotaTree() {
    for (Cohort c : kueue.cohorts()) {
      QuotaTree.Node node = quota.cohort(c.name());
      addQuotas(node, c.resourceGroups());
    }
    for (Cohort c : kueue.cohorts()) {
      c.parentName().ifPresent(p -> QuotaTree.link(quota.cohort(c.name()), quota.cohort(p)));
    }
    for (ClusterQueue cq : kueue.clusterQueues()) {
      QuotaTree.Node node = quota.clusterQueue(cq.name());
      addQuotas(node, cq.resourceGroups());
      cq.cohortName().ifPresent(c -> QuotaTree.link(node, quota.cohort(c)));
    }
    for (ClusterQueue cq : kueue.clusterQueues()) {
      Set<QuotaTree.Node> seen = new HashSet<>();
      for (QuotaTree.Node n = quota.findClusterQueue(cq.name()); n != null; n = n.parent) {
        if (!seen.add(n)) {
          cyclic.add(cq.name());
          break;
        }
      }
    }
    quota.computeSubtrees();
  }

  private static void addQuotas(QuotaTree.Node node, List<ResourceGroup> groups) {
    for (ResourceGroup rg : groups) {
      for (FlavorQuotas fq : rg.flavors()) {
        for (ResourceQuota rq : fq.resources()) {
          node.quotas.put(new FlavorResource(fq.name(), rq.name()), new QuotaTree.Quota(units(rq.name(), rq.nominalQuota()),
              limit(rq.name(), rq.borrowingLimit()), limit(rq.name(), rq.lendingLimit())));
        }
      }
    }
  }

  private static OptionalLong limit(String resource, Optional<Quantity> q) {
    return q.isPresent() ? OptionalLong.of(units(resource, q.get())) : OptionalLong.empty();
  }

  private static long units(String resource, Quantity q) {
    return ResourceIndex.units(resource, q);
  }

  /** The outcome of one gang: refused before placement, or the flavors to place it with. */
  record Decision(Optional<Diagnostic> refusal, QueueAdmission admission, List<FlavorAssigner.PodSetAssignment> assignments,
      Map<FlavorResource, Long> usage, ClusterQueue clusterQueue) {}

  /** Queue checks and flavor assignment with the quota, for a gang {@link #applies} to. */
  Decision decide(Gang gang) {
    String lqName = gang.queueName().get();
    QueueAdmission.Builder info = QueueAdmission.builder().localQueue(lqName);
    Optional<LocalQueue> lq = kueue.localQueue(gang.namespace(), lqName);
    if (lq.isEmpty()) {
      return refused(info.clusterQueue(""), SchedulingCode.KUEUE_LOCAL_QUEUE_MISSING, "LocalQueue " + lqName + " doesn't exist",
          "create LocalQueue " + lqName + " in namespace " + gang.namespace() + ", or set kueue.x-k8s.io/queue-name to an existing one");
    }
    String cqName = lq.get().clusterQueue();
    info.clusterQueue(cqName);
    Optional<ClusterQueue> cq = kueue.clusterQueue(cqName);
    if (cq.isEmpty()) {
      return refused(info, SchedulingCode.KUEUE_CLUSTER_QUEUE_MISSING, "ClusterQueue " + cqName + " doesn't exist",
          "create ClusterQueue " + cqName + ", or point LocalQueue " + lqName + " at an existing one");
    }
    info.quota(quotaRows(cq.get(), Map.of()));
    Optional<String> inactive = inactiveCause(cq.get());
    if (inactive.isPresent()) {
      return refused(info, SchedulingCode.KUEUE_CLUSTER_QUEUE_INACTIVE, "ClusterQueue " + cqName + " is inactive",
          "the ClusterQueue " + inactive.get());
    }
    if (cq.get().namespaceSelector().isEmpty() || !cq.get().namespaceSelector().get().matches(Map.of(NAMESPACE_NAME_LABEL, gang.namespace()))) {
      return refused(info, SchedulingCode.KUEUE_NAMESPACE_NOT_SELECTED, "workload namespace doesn't match ClusterQueue selector",
          "set ClusterQueue " + cqName + " spec.namespaceSelector to select namespace " + gang.namespace() + " ({} selects every namespace)");
    }
    FlavorAssigner assigner = new FlavorAssigner(cq.get(), quota.findClusterQueue(cqName), flavors, tasRules(cq.get()));
    List<FlavorAssigner.PodSetAssignment> assignments = assigner.assign(groups(gang));
    if (assignments.stream().allMatch(FlavorAssigner.PodSetAssignment::fits) && assignments.size() == gang.podSets().size()) {
      List<FlavorAssignment> chosen = new ArrayList<>();
      for (FlavorAssigner.PodSetAssignment a : assignments) {
        a.flavors.forEach((r, f) -> chosen.add(FlavorAssignment.of(a.podSet.name(), r, f)));
      }
      info.flavors(chosen);
      return new Decision(Optional.empty(), info.build(), assignments, assigner.usage(), cq.get());
    }
    return new Decision(Optional.of(quotaRefusal(assignments)), info.build(), assignments, Map.of(), cq.get());
  }

  /** Counts an admitted gang's usage against its queue (and, beyond its local quota, its cohorts) and reports the quota after it. */
  QueueAdmission admitted(Decision d) {
    QuotaTree.Node node = quota.findClusterQueue(d.clusterQueue().name());
    d.usage().forEach((fr, v) -> QuotaTree.addUsage(node, fr, v));
    return QueueAdmission.builder().from(d.admission()).quota(quotaRows(d.clusterQueue(), d.usage())).build();
  }

  /** Kueue's {@code Assignment.Message}: "couldn't assign flavors to pod set P: reasons" per failing pod set. */
  private static Diagnostic quotaRefusal(List<FlavorAssigner.PodSetAssignment> assignments) {
    List<String> parts = new ArrayList<>();
    FlavorAssigner.Severity worst = FlavorAssigner.Severity.NONE;
    for (FlavorAssigner.PodSetAssignment a : assignments) {
      if (a.reasons.isEmpty()) {
        continue;
      }
      parts.add("couldn't assign flavors to pod set " + a.podSet.name() + ": " + a.message());
      if (a.severity.ordinal() > worst.ordinal()) {
        worst = a.severity;
      }
    }
    SchedulingCode code;
    String hint;
    switch (worst) {
      case EXCEEDS_MAX_QUOTA:
        code = SchedulingCode.KUEUE_QUOTA_EXCEEDED;
        hint = "the gang asks for more than the ClusterQueue could ever hold, even borrowing from its cohort: raise nominalQuota or borrowingLimit, or shrink the gang";
        break;
      case WAITING_FOR_QUOTA:
        code = SchedulingCode.KUEUE_QUOTA_UNAVAILABLE;
        hint = "the quota is taken by gangs admitted before it: Kueue keeps the gang pending until quota is released (or preempts, if the queue's preemption policy allows)";
        break;
      default:
        code = SchedulingCode.KUEUE_NO_MATCHING_FLAVOR;
        hint = "no flavor of the ClusterQueue serves the pod set: check the flavors' taints, node labels and topology against the pod template, and that the queue covers every requested resource";
        break;
    }
    return Diagnostic.builder().code(code).message(String.join("; ", parts)).hint(hint).build();
  }

  private Decision refused(QueueAdmission.Builder info, SchedulingCode code, String message, String hint) {
    return new Decision(Optional.of(Diagnostic.builder().code(code).message(message).hint(hint).build()), info.build(), List.of(), Map.of(), null);
  }

  /** Why Kueue would mark the ClusterQueue inactive, if it would. */
  private Optional<String> inactiveCause(ClusterQueue cq) {
    if (cq.stopPolicy() != StopPolicy.None) {
      return Optional.of("is stopped (spec.stopPolicy " + cq.stopPolicy() + ")");
    }
    List<String> missing = cq.flavorNames().stream().filter(f -> !flavors.containsKey(f)).toList();
    if (!missing.isEmpty()) {
      return Optional.of("references missing ResourceFlavor(s): " + String.join(",", missing));
    }
    for (String f : cq.flavorNames()) {
      Optional<String> topology = flavors.get(f).topologyName();
      if (topology.isPresent() && !trees.containsKey(f)) {
        return Optional.of("has TAS flavor \"" + f + "\" but there is no Topology \"" + topology.get() + "\"");
      }
    }
    if (cyclic.contains(cq.name())) {
      return Optional.of("is in a cohort tree with a cycle");
    }
    return Optional.empty();
  }

  /**
   * Pod sets grouped as Kueue groups them for flavor assignment and TAS: by {@code podset-group-name}
   * (a leader with its workers), else each on its own, in order.
   */
  static List<List<PodSet>> groups(Gang gang) {
    Map<String, List<PodSet>> groups = new LinkedHashMap<>();
    for (PodSet ps : gang.podSets()) {
      groups.computeIfAbsent(ps.groupName().orElse("\u0000" + ps.name()), k -> new ArrayList<>()).add(ps);
    }
    return new ArrayList<>(groups.values());
  }

  /** Whether a pod set asks for TAS: Kueue's {@code IsExplicitlyRequestingTAS}, else implied by a TAS-only queue. */
  private FlavorAssigner.TasRules tasRules(ClusterQueue cq) {
    boolean tasOnly = cq.flavorNames().stream().allMatch(trees::containsKey);
    return new FlavorAssigner.TasRules() {
      @Override
      public boolean requested(PodSet ps) {
        return explicit(ps) || implied(ps);
      }

      @Override
      public boolean implied(PodSet ps) {
        return !explicit(ps) && tasOnly;
      }

      @Override
      public Optional<String> flavorMismatch(PodSet ps, ResourceFlavor flavor) {
        TopologyTree tree = trees.get(flavor.name());
        if (tree == null) {
          return Optional.of("Flavor \"" + flavor.name() + "\" information missing in TAS cache");
        }
        return hasLevel(ps.topology().get(), tree.topology) ? Optional.empty()
            : Optional.of("Flavor \"" + flavor.name() + "\" does not contain the requested level");
      }
    };
  }

  static boolean explicit(PodSet ps) {
    if (ps.topology().isEmpty()) {
      return false;
    }
    TopologyRequest r = ps.topology().get();
    return r.mode() != TopologyMode.IMPLIED || r.sliceLevel().isPresent() || r.sliceSize().isPresent() || !r.innerSliceLayers().isEmpty();
  }

  /** Kueue's {@code TASFlavorSnapshot.HasLevel}: the main level (if any), the slice level and every inner layer are levels of the topology. */
  private static boolean hasLevel(TopologyRequest r, Topology topology) {
    List<String> levels = topology.levels();
    Optional<String> main;
    if (r.mode() == TopologyMode.REQUIRED || r.mode() == TopologyMode.PREFERRED) {
      main = r.level();
    } else if (r.sliceLevel().isPresent()) {
      main = Optional.of(levels.get(0));
    } else if (r.mode() == TopologyMode.UNCONSTRAINED) {
      main = Optional.of(levels.get(levels.size() - 1));
    } else {
      main = Optional.empty();
    }
    if (main.isEmpty() || !levels.contains(main.get())) {
      return false;
    }
    if (r.sliceLevel().isPresent() && !levels.contains(r.sliceLevel().get())) {
      return false;
    }
    return r.innerSliceLayers().stream().allMatch(l -> levels.contains(l.level()));
  }

  /** Every (flavor, resource) quota of the queue, with what this gang requested of it. */
  private List<QuotaUsage> quotaRows(ClusterQueue cq, Map<FlavorResource, Long> requested) {
    QuotaTree.Node node = quota.findClusterQueue(cq.name());
    List<QuotaUsage> rows = new ArrayList<>();
    for (ResourceGroup rg : cq.resourceGroups()) {
      for (FlavorQuotas fq : rg.flavors()) {
        for (ResourceQuota rq : fq.resources()) {
          FlavorResource fr = new FlavorResource(fq.name(), rq.name());
          long used = node.usage(fr);
          long nominal = node.quotas.get(fr).nominal();
          rows.add(QuotaUsage.builder().flavor(fq.name()).resource(rq.name())
              .requested(quantity(rq.name(), requested.getOrDefault(fr, 0L))).used(quantity(rq.name(), used))
              .nominal(quantity(rq.name(), nominal)).borrowed(quantity(rq.name(), Math.max(0, CapacityMath.subtract(used, nominal)))).build());
        }
      }
    }
    return rows;
  }

  private static Quantity quantity(String resource, long units) {
    return Quantity.parse(FlavorAssigner.format(resource, units));
  }

  /**
   * The TAS placement of a pod set that asks for TAS (explicitly, or implied by a TAS-only queue): on
   * the tree of the TAS flavor it was assigned, with that flavor's tolerations; empty otherwise.
   */
  Optional<KueueTas> tas(Decision d, PodSet ps, NodeTable table) {
    if (!tasRules(d.clusterQueue()).requested(ps)) {
      return Optional.empty();
    }
    return d.assignments().stream().filter(a -> a.podSet.name().equals(ps.name())).findFirst()
        .flatMap(a -> a.flavors.values().stream().filter(trees::containsKey).findFirst())
        .map(flavors::get)
        .map(f -> new KueueTas(trees.get(f.name()), table, mixedProfile, f.tolerations()));
  }
}
