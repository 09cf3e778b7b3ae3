package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.PodSet;
import dev.aiinfra.scheduling.model.SchedulingCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether and where gangs fit on a cluster snapshot, all or nothing per gang, gangs in
 * order (each placed gang's pods count as used for the next). Kueue gangs follow Kueue TAS; native
 * Workload, coscheduling and Volcano gangs follow the kube-scheduler gang plugin. Pure: the same
 * input gives the same result, and the inputs are not changed.
 */
public final class GangPlacement {
  private GangPlacement() {}

  public static PlacementResult place(ClusterState state, List<Gang> gangs, PlacementOptions options) {
    return PlacementSnapshot.of(state, options, gangs).place(gangs);
  }

  /** {@link #place(ClusterState, List, PlacementOptions)} on the one cluster model. */
  public static PlacementResult place(Cluster cluster, List<Gang> gangs, PlacementOptions options) {
    return place(ClusterState.of(cluster), gangs, options);
  }

  static PlacementResult placeOn(NodeTable table, TopologyTree tree, Map<String, TopologyTree> flavorTrees, List<Gang> gangs,
      PlacementOptions options, InterPodAffinity interPod) {
    KueueAdmission admission = options.kueue().clusterQueues().isEmpty() ? null
        : new KueueAdmission(options.kueue(), flavorTrees, options.tasProfileMixed());
    List<GangResult> results = new ArrayList<>();
    for (Gang gang : gangs) {
      table.checkpoint();
      int mark = interPod.mark();
      GangResult r;
      if (gang.kind() == GangKind.KUEUE && admission != null && KueueAdmission.applies(gang, options.kueue())) {
        r = admitKueue(gang, admission, table);
      } else if (gang.kind() == GangKind.KUEUE) {
        KueueTas tas = new KueueTas(tree, table, options.tasProfileMixed(), options.flavorTolerations());
        r = placeKueue(gang, group -> Optional.of(tas), "");
      } else {
        r = placeNative(gang, new NativeGang(table, interPod));
      }
      if (gang.kind() == GangKind.KUEUE) {
        // kube-scheduler still runs InterPodAffinity on the pods Kueue ungates
        r = KueueInterPodCheck.check(gang, r, interPod);
      }
      if (!r.fits()) {
        table.rollback();
        interPod.reset(mark);
      }
      results.add(r);
    }
    return PlacementResult.builder().gangs(results).build();
  }

  /**
   * A gang through its Kueue queue: the queue checks and flavor assignment with the quota first, then
   * TAS for the pod sets that ask for it on their flavor's topology; the quota is taken only when the
   * whole gang is admitted.
   */
  private static GangResult admitKueue(Gang gang, KueueAdmission admission, NodeTable table) {
    KueueAdmission.Decision d = admission.decide(gang);
    if (d.refusal().isPresent()) {
      GangResult refused = failed(gang, Diagnostic.builder().from(d.refusal().get()).path(kueuePath(gang)).build());
      return GangResult.builder().from(refused).admission(d.admission()).build();
    }
    GangResult r = placeKueue(gang, group -> admission.tas(d, group.get(0), table), "couldn't assign flavors to pod set ");
    if (!r.fits()) {
      // Not admitted: Kueue records no flavors for a workload whose topology placement failed.
      return GangResult.builder().from(r).admission(QueueAdmission.builder().from(d.admission()).flavors(List.of()).build()).build();
    }
    return GangResult.builder().from(r).admission(admission.admitted(d)).build();
  }

  private static String kueuePath(Gang gang) {
    return "Kueue pod group " + gang.namespace() + "/" + gang.name();
  }

  /**
   * Places a Kueue gang group by group (a group is one pod set, or workers with their leader) with the
   * TAS placement {@code tasFor} gives the group; a group without one (no TAS requested) gets no
   * topology. A TAS failure message is prefixed with {@code failurePrefix} and the workers' name when
   * the prefix is not empty (Kueue's flavor-assignment wording).
   */
  private static GangResult placeKueue(Gang gang, java.util.function.Function<List<PodSet>, Optional<KueueTas>> tasFor, String failurePrefix) {
    List<PodSetResult> placed = new ArrayList<>();
    for (List<PodSet> group : KueueAdmission.groups(gang)) {
      if (group.size() > 2) {
        return failed(gang, diagnostic(gang, SchedulingCode.GANG_PODSET_GROUP_TOO_LARGE,
            "podset group " + group.get(0).groupName().orElse("") + " has " + group.size() + " pod sets; a group is workers plus at most one leader",
            "split the pods into at most a leader and one set of workers"));
      }
      PodSet workers = group.get(0);
      Optional<PodSet> leader = Optional.empty();
      if (group.size() == 2) {
        PodSet second = group.get(1);
        if (second.count() > workers.count()) {
          leader = Optional.of(workers);
          workers = second;
        } else {
          leader = Optional.of(second);
        }
        if (leader.get().count() != 1) {
          return failed(gang, diagnostic(gang, SchedulingCode.GANG_LEADER_COUNT,
              "the leader pod set " + leader.get().name() + " of podset group " + workers.groupName().orElse("") + " must have count 1, not " + leader.get().count(),
              "a podset group pairs one leader pod with its workers"));
        }
      }
      Optional<KueueTas> tas = tasFor.apply(group);
      if (tas.isEmpty()) {
        group.forEach(ps -> placed.add(PodSetResult.builder().name(ps.name()).count(ps.count()).build()));
        continue;
      }
      try {
        placed.addAll(tas.get().place(workers, leader));
      } catch (KueueTas.Failure f) {
        Diagnostic why = f.diagnostic;
        if (!failurePrefix.isEmpty()) {
          why = Diagnostic.builder().from(why).message(failurePrefix + workers.name() + ": " + why.message()).build();
        }
        return failed(gang, Diagnostic.builder().from(why).path(kueuePath(gang)).build());
      }
    }
    List<PodSetResult> ordered = new ArrayList<>();
    for (PodSet ps : gang.podSets()) {
      placed.stream().filter(r -> r.name().equals(ps.name())).findFirst().ifPresent(ordered::add);
    }
    return GangResult.builder().name(gang.name()).namespace(gang.namespace()).kind(gang.kind()).owner(gang.owner())
        .minCount(gang.minCount()).placed(gang.totalPods()).fits(true).podSets(ordered).build();
  }

  private static GangResult placeNative(Gang gang, NativeGang nativeGang) {
    NativeGang.Outcome o = nativeGang.place(gang);
    if (o.failure().isPresent()) {
      return failed(gang, o.failure().get());
    }
    return GangResult.builder().name(gang.name()).namespace(gang.namespace()).kind(gang.kind()).owner(gang.owner())
        .minCount(gang.minCount()).placed(o.placed()).fits(true).podSets(o.podSets()).build();
  }

  private static GangResult failed(Gang gang, Diagnostic why) {
    List<PodSetResult> empty = new ArrayList<>();
    for (PodSet ps : gang.podSets()) {
      empty.add(PodSetResult.builder().name(ps.name()).count(ps.count()).build());
    }
    return GangResult.builder().name(gang.name()).namespace(gang.namespace()).kind(gang.kind()).owner(gang.owner())
        .minCount(gang.minCount()).placed(0).fits(false).podSets(empty).addReasons(why).build();
  }

  private static Diagnostic diagnostic(Gang gang, SchedulingCode code, String message, String hint) {
    return Diagnostic.builder().code(code).path(gang.kind() + " " + gang.namespace() + "/" + gang.name()).message(message).hint(hint).build();
  }
}
