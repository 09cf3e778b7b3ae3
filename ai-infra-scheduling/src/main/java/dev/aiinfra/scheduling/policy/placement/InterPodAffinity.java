package dev.aiinfra.scheduling.policy.placement;

import dev.aiinfra.core.model.inventory.BoundPod;
import dev.aiinfra.core.model.node.PodAffinityTerm;
import dev.aiinfra.scheduling.model.InterPodRules;
import dev.aiinfra.scheduling.model.SchedulingCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kube-scheduler's InterPodAffinity filter (required terms only) over the pods of a snapshot: the
 * bound pods first, then every pod placed here, so that later pods (of the same gang or of later
 * gangs) see earlier ones as the scheduler sees assumed pods. As upstream, {@link #check} computes
 * the counts per topology pair once per incoming pod (PreFilter) and {@link Check#reject} tests a
 * node against them (Filter), in upstream's order: the pod's affinity, its anti-affinity, then the
 * anti-affinity of pods already there. Pods on nodes outside the snapshot are not seen, as upstream.
 */
final class InterPodAffinity {
  /** The three outcomes of the filter, with kube-scheduler's wording and the code reported for each. */
  enum Reason {
    AFFINITY("node(s) didn't match pod affinity rules", SchedulingCode.GANG_POD_AFFINITY),
    ANTI_AFFINITY("node(s) didn't match pod anti-affinity rules", SchedulingCode.GANG_POD_ANTI_AFFINITY),
    EXISTING_ANTI_AFFINITY("node(s) didn't satisfy existing pods anti-affinity rules", SchedulingCode.GANG_EXISTING_ANTI_AFFINITY);

    final String message;
    final SchedulingCode code;

    Reason(String message, SchedulingCode code) {
      this.message = message;
      this.code = code;
    }
  }

  /** A pod the filter counts: its node (index in the table), namespace, labels and anti-affinity terms. */
  private record Placed(int node, String namespace, Map<String, String> labels, List<PodAffinityTerm> antiAffinity) {}

  private final NodeTable table;
  private final List<Placed> placed = new ArrayList<>();
  private final Map<String, Integer> nodeIndex = new HashMap<>();
  private int withAntiAffinity;

  InterPodAffinity(NodeTable table, List<BoundPod> bound) {
    this.table = table;
    for (int n = 0; n < table.nodes.length; n++) {
      nodeIndex.put(table.nodes[n].name(), n);
    }
    for (BoundPod p : bound) {
      Integer n = nodeIndex.get(p.node());
      if (n != null) {
        push(new Placed(n, p.namespace(), p.labels(), p.requiredAntiAffinity()));
      }
    }
  }

  /** The table index of the node named {@code name}, or -1 when it is not in the snapshot. */
  int node(String name) {
    return nodeIndex.getOrDefault(name, -1);
  }

  /** Whether the filter can reject anything for a pod with {@code rules} (upstream's PreFilter Skip otherwise). */
  boolean active(InterPodRules rules) {
    return withAntiAffinity > 0 || rules.hasTerms();
  }

  /** Whether the filter can reject any pod of these: some carry terms, or placed pods carry anti-affinity. */
  boolean active(List<InterPodRules> rules) {
    return withAntiAffinity > 0 || rules.stream().anyMatch(InterPodRules::hasTerms);
  }

  /** A position to {@link #reset} to. */
  int mark() {
    return placed.size();
  }

  /** Forgets every pod added since {@code mark}. */
  void reset(int mark) {
    while (placed.size() > mark) {
      Placed p = placed.remove(placed.size() - 1);
      if (!p.antiAffinity().isEmpty()) {
        withAntiAffinity--;
      }
    }
  }

  /** Counts a pod placed on {@code node} from now on. */
  void add(int node, String namespace, InterPodRules rules) {
    push(new Placed(node, namespace, rules.labels(), rules.requiredAntiAffinity()));
  }

  private void push(Placed p) {
    placed.add(p);
    if (!p.antiAffinity().isEmpty()) {
      withAntiAffinity++;
    }
  }

  /** PreFilter for one incoming pod: the counts its Filter checks nodes against. */
  Check check(String namespace, InterPodRules rules) {
    Map<String, Integer> existingAnti = new HashMap<>();
    Map<String, Integer> affinity = new HashMap<>();
    Map<String, Integer> anti = new HashMap<>();
    List<PodAffinityTerm> aff = rules.requiredAffinity();
    List<PodAffinityTerm> antiTerms = rules.requiredAntiAffinity();
    for (Placed p : placed) {
      Map<String, String> nodeLabels = table.nodes[p.node()].labels();
      for (PodAffinityTerm t : p.antiAffinity()) {
        if (t.selects(namespace, rules.labels(), p.namespace())) {
          count(existingAnti, t.topologyKey(), nodeLabels);
        }
      }
      if (!aff.isEmpty() && aff.stream().allMatch(t -> t.selects(p.namespace(), p.labels(), namespace))) {
        aff.forEach(t -> count(affinity, t.topologyKey(), nodeLabels));
      }
      for (PodAffinityTerm t : antiTerms) {
        if (t.selects(p.namespace(), p.labels(), namespace)) {
          count(anti, t.topologyKey(), nodeLabels);
        }
      }
    }
    boolean selfMatch = !aff.isEmpty() && aff.stream().allMatch(t -> t.selects(namespace, rules.labels(), namespace));
    return new Check(rules, existingAnti, affinity, anti, selfMatch);
  }

  private static void count(Map<String, Integer> counts, String key, Map<String, String> nodeLabels) {
    String value = nodeLabels.get(key);
    if (value != null) {
      counts.merge(pair(key, value), 1, Integer::sum);
    }
  }

  private static String pair(String key, String value) {
    return key + "\u0000" + value;
  }

  /** The Filter of one incoming pod. */
  final class Check {
    private final InterPodRules rules;
    private final Map<String, Integer> existingAnti;
    private final Map<String, Integer> affinity;
    private final Map<String, Integer> anti;
    private final boolean selfMatch;

    private Check(InterPodRules rules, Map<String, Integer> existingAnti, Map<String, Integer> affinity, Map<String, Integer> anti, boolean selfMatch) {
      this.rules = rules;
      this.existingAnti = existingAnti;
      this.affinity = affinity;
      this.anti = anti;
      this.selfMatch = selfMatch;
    }

    /** Why the pod may not run on {@code node}, or empty when the filter passes it. */
    Optional<Reason> reject(int node) {
      Map<String, String> labels = table.nodes[node].labels();
      boolean podsExist = true;
      for (PodAffinityTerm t : rules.requiredAffinity()) {
        String value = labels.get(t.topologyKey());
        if (value == null) {
          return Optional.of(Reason.AFFINITY);
        }
        if (affinity.getOrDefault(pair(t.topologyKey(), value), 0) <= 0) {
          podsExist = false;
        }
      }
      // the first pod of a group with affinity to itself may go anywhere its topology keys exist
      if (!podsExist && !(affinity.isEmpty() && selfMatch)) {
        return Optional.of(Reason.AFFINITY);
      }
      if (!anti.isEmpty()) {
        for (PodAffinityTerm t : rules.requiredAntiAffinity()) {
          String value = labels.get(t.topologyKey());
          if (value != null && anti.getOrDefault(pair(t.topologyKey(), value), 0) > 0) {
            return Optional.of(Reason.ANTI_AFFINITY);
          }
        }
      }
      if (!existingAnti.isEmpty()) {
        for (Map.Entry<String, String> l : labels.entrySet()) {
          if (existingAnti.getOrDefault(pair(l.getKey(), l.getValue()), 0) > 0) {
            return Optional.of(Reason.EXISTING_ANTI_AFFINITY);
          }
        }
      }
      return Optional.empty();
    }
  }
}
