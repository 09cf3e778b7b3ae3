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

  static PlacementResult placeOn(NodeTable table, TopologyTree tree, List<Gang> gangs, PlacementOptions options, InterPodAffinity interPod) {
    List<GangResult> results = new ArrayList<>();
    for (Gang gang : gangs) {
      table.checkpoint();
      int mark = interPod.mark();
      GangResult r;
      if (gang.kind() == GangKind.KUEUE) {
        r = placeKueue(gang, new KueueTas(tree, table, options.tasProfileMixed(), options.flavorTolerations()));
        // kube-scheduler still runs InterPodAffinity on the pods Kueue ungates
        r = KueueInterPodCheck.check(gang, r, interPod);
      } else {
        r = placeNative(gang, new NativeGang(table, interPod));
      }
      if (!r.fits()) {
        table.rollback();
        interPod.reset(mark);
      }
      results.add(r);
    }
    return PlacementResult.builder().gangs(results).build();
  }

  private static GangResult placeKueue(Gang gang, KueueTas tas) {
    Map<String, List<PodSet>> groups = new LinkedHashMap<>();
    for (PodSet ps : gang.podSets()) {
      groups.computeIfAbsent(ps.groupName().orElse("\u0000" + ps.name()), k -> new ArrayList<>()).add(ps);
    }
    List<PodSetResult> placed = new ArrayList<>();
    for (List<PodSet> group : groups.values()) {
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
      try {
        placed.addAll(tas.place(workers, leader));
      } catch (KueueTas.Failure f) {
        return failed(gang, Diagnostic.builder().from(f.diagnostic).path("Kueue pod group " + gang.namespace() + "/" + gang.name()).build());
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
