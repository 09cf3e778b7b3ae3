package dev.aiinfra.scheduling.model.kueue;

import dev.aiinfra.core.model.index.LabelSelector;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.scheduling.model.Topology;
import dev.aiinfra.testing.Gen;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded generators of Kueue queue sets that Kueue's webhooks accept. */
public final class KueueGenerators {
  private static final List<String> RESOURCES = List.of("cpu", "memory", "nvidia.com/gpu", "example.com/ib", "ephemeral-storage", "pods");
  private static final List<String> QUANTITIES = List.of("0", "1", "8", "64", "500m", "1.5", "512Gi", "2Ti", "100k");

  private KueueGenerators() {}

  private static Quantity quantity(SplittableRandom r) {
    return Quantity.parse(QUANTITIES.get(r.nextInt(QUANTITIES.size())));
  }

  /** A valid ClusterQueue with 1–3 groups of 1–3 flavors; limits only when it has a cohort, lending at most nominal. */
  public static Gen<ClusterQueue> clusterQueues() {
    return r -> {
      boolean cohort = r.nextBoolean();
      ClusterQueue.Builder b = ClusterQueue.builder().name("cq-" + r.nextInt(100));
      if (cohort) {
        b.cohortName("cohort-" + r.nextInt(5));
      }
      b.resourceGroups(groups(r, cohort, true));
      b.queueingStrategy(r.nextBoolean() ? QueueingStrategy.StrictFIFO : QueueingStrategy.BestEffortFIFO);
      if (r.nextBoolean()) {
        b.namespaceSelector(r.nextBoolean() ? LabelSelector.builder().build() : LabelSelector.builder().putMatchLabel("team", "t" + r.nextInt(3)).build());
      }
      PreemptionPolicy reclaim = List.of(PreemptionPolicy.Never, PreemptionPolicy.LowerPriority, PreemptionPolicy.Any).get(r.nextInt(3));
      Preemption.Builder p = Preemption.builder().reclaimWithinCohort(reclaim)
          .withinClusterQueue(List.of(PreemptionPolicy.Never, PreemptionPolicy.LowerPriority, PreemptionPolicy.LowerOrNewerEqualPriority).get(r.nextInt(3)));
      if (reclaim != PreemptionPolicy.Never && r.nextBoolean()) {
        p.borrowWithinCohort(BorrowWithinCohortPolicy.LowerPriority).maxPriorityThreshold(r.nextInt(1000));
      }
      b.preemption(p.build());
      if (r.nextBoolean()) {
        b.flavorFungibility(FlavorFungibility.builder().whenCanBorrow(FlavorFungibility.Policy.TryNextFlavor)
            .whenCanPreempt(FlavorFungibility.Policy.TryNextFlavor).preference(FlavorFungibility.Preference.PreemptionOverBorrowing).build());
      }
      if (r.nextBoolean()) {
        b.stopPolicy(StopPolicy.values()[r.nextInt(3)]);
      }
      if (r.nextBoolean()) {
        b.fairSharingWeight(Quantity.parse(r.nextBoolean() ? "1" : "250m"));
      }
      ClusterQueue q = b.build();
      if (r.nextBoolean() && !q.flavorNames().isEmpty()) {
        q = q.withAdmissionChecks(AdmissionCheckRule.builder().name("check").addOnFlavor(q.flavorNames().get(0)).build());
      }
      return q;
    };
  }

  private static List<ResourceGroup> groups(SplittableRandom r, boolean limits, boolean lendingAtMostNominal) {
    List<String> pool = new ArrayList<>(RESOURCES);
    int groups = 1 + r.nextInt(3);
    int flavorNo = 0;
    List<ResourceGroup> out = new ArrayList<>();
    for (int g = 0; g < groups && !pool.isEmpty(); g++) {
      List<String> covered = new ArrayList<>();
      int n = 1 + r.nextInt(Math.min(3, pool.size()));
      for (int i = 0; i < n; i++) {
        covered.add(pool.remove(r.nextInt(pool.size())));
      }
      List<FlavorQuotas> flavors = new ArrayList<>();
      int fn = 1 + r.nextInt(3);
      for (int f = 0; f < fn; f++) {
        List<ResourceQuota> quotas = new ArrayList<>();
        for (String res : covered) {
          Quantity nominal = quantity(r);
          ResourceQuota.Builder q = ResourceQuota.builder().name(res).nominalQuota(nominal);
          if (limits && r.nextBoolean()) {
            q.borrowingLimit(quantity(r));
          }
          if (limits && r.nextBoolean()) {
            Quantity lend = quantity(r);
            q.lendingLimit(lendingAtMostNominal ? lend.min(nominal) : lend);
          }
          quotas.add(q.build());
        }
        flavors.add(FlavorQuotas.of("flavor-" + flavorNo++, quotas));
      }
      out.add(ResourceGroup.of(covered, flavors));
    }
    return out;
  }

  /** A valid queue set: flavors for the queue's flavors (some with a topology), cohorts, a LocalQueue, priority classes. */
  public static Gen<KueueObjects> queueSets() {
    return r -> {
      ClusterQueue q = clusterQueues().next(r);
      KueueObjects.Builder b = KueueObjects.builder().addClusterQueue(q);
      Topology t = Topology.of("topo", r.nextBoolean() ? List.of("block", "rack", Topology.HOSTNAME) : List.of(Topology.HOSTNAME));
      b.addTopology(t);
      for (String f : q.flavorNames()) {
        ResourceFlavor.Builder fb = ResourceFlavor.builder().name(f).putNodeLabel("pool", f);
        if (r.nextBoolean()) {
          fb.topologyName("topo");
        }
        if (r.nextBoolean()) {
          fb.addNodeTaint(Taint.of("nvidia.com/gpu", r.nextBoolean() ? "" : "present", TaintEffect.NoSchedule))
              .addToleration(Toleration.exists("nvidia.com/gpu"));
        }
        b.addResourceFlavor(fb.build());
      }
      q.cohortName().ifPresent(c -> {
        Cohort.Builder cb = Cohort.builder().name(c);
        if (r.nextBoolean()) {
          cb.parentName("org").resourceGroups(groups(r, true, false));
        }
        b.addCohort(cb.build());
      });
      b.addLocalQueue(LocalQueue.of("ns-" + r.nextInt(3), "lq", q.name()));
      if (r.nextBoolean()) {
        b.addWorkloadPriorityClass(WorkloadPriorityClass.of("p" + r.nextInt(9), r.nextInt(2001) - 1000));
      }
      return b.build();
    };
  }
}
