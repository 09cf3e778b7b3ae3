package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.scheduling.model.Gang;
import dev.aiinfra.scheduling.model.InterPodRules;
import dev.aiinfra.scheduling.model.PodSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happens to a Kueue TAS assignment after admission: Kueue ungates the pods with a node each,
 * and kube-scheduler's InterPodAffinity filter still applies. Kueue's TAS does not read JobSet's
 * {@code exclusive-topology} nor pods' inter-pod terms, so an assignment that puts two exclusive
 * Jobs in one domain admits, yet the second Job's pods stay Pending: here that gang does not fit,
 * with kube-scheduler's reason. Pod sets whose assignment does not name nodes (a Topology without
 * the hostname level) cannot be checked and pass.
 */
final class KueueInterPodCheck {
  private KueueInterPodCheck() {}

  static GangResult check(Gang gang, GangResult admitted, InterPodAffinity interPod) {
    if (!admitted.fits()) {
      return admitted;
    }
    for (PodSetResult result : admitted.podSets()) {
      Optional<PodSet> ps = gang.podSets().stream().filter(p -> p.name().equals(result.name())).findFirst();
      if (ps.isEmpty()) {
        continue;
      }
      java.util.Map<String, Integer> ranks = new java.util.HashMap<>();
      for (int rank = 0; rank < ps.get().count(); rank++) {
        ranks.put(ps.get().podName(rank), rank);
      }
      for (PodNode placed : result.placements()) {
        int rank = ranks.getOrDefault(placed.pod(), -1);
        int node = interPod.node(placed.node());
        if (rank < 0 || node < 0) {
          continue;
        }
        InterPodRules rules = ps.get().interPod(rank);
        if (!interPod.active(rules)) {
          interPod.add(node, gang.namespace(), rules);
          continue;
        }
        Optional<InterPodAffinity.Reason> why = interPod.check(gang.namespace(), rules).reject(node);
        if (why.isPresent()) {
          return refused(gang, admitted, placed, why.get());
        }
        interPod.add(node, gang.namespace(), rules);
      }
    }
    return admitted;
  }

  private static GangResult refused(Gang gang, GangResult admitted, PodNode pod, InterPodAffinity.Reason why) {
    List<PodSetResult> empty = new ArrayList<>();
    gang.podSets().forEach(ps -> empty.add(PodSetResult.builder().name(ps.name()).count(ps.count()).build()));
    Diagnostic d = Diagnostic.builder().code(why.code).path(gang.kind() + " " + gang.namespace() + "/" + gang.name())
        .message("Kueue's topology assignment puts pod " + pod.pod() + " on node " + pod.node() + ", where kube-scheduler keeps it Pending: "
            + why.message + " (Kueue TAS does not read JobSet exclusive-topology or inter-pod affinity)")
        .hint("ask Kueue for the same domain with kueue.x-k8s.io/podset-required-topology, give each exclusive Job its own domain, or add domains")
        .build();
    return GangResult.builder().from(admitted).placed(0).fits(false).podSets(empty).reasons(List.of(d)).build();
  }
}
