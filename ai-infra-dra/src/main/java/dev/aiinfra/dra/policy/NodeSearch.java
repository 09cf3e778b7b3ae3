package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The answer of {@link DeviceAllocator#allocateAcross}: one pod's claims tried on nodes in order,
 * as kube-scheduler's DRA plugin filters them (KEP-4381), and the first node that can take them.
 *
 * @param nodes the nodes asked about, in the order they were tried
 * @param outcomes one outcome per node tried; the search stops at a fatal one
 * @param chosen the first node that can allocate every claim, if any
 * @param fatal the fatal outcome (an error the scheduler hits on every node), if any
 */
public record NodeSearch(List<String> nodes, List<AllocationOutcome> outcomes, Optional<AllocationOutcome> chosen,
    Optional<AllocationOutcome> fatal) {

  /** Code of the reason given when there is no node to try. */
  public static final String NO_NODES = "DRA_NO_NODES";

  public NodeSearch {
    nodes = List.copyOf(nodes);
    outcomes = List.copyOf(outcomes);
  }

  /** Whether some node can allocate every claim. */
  public boolean satisfiable() {
    return chosen.isPresent();
  }

  /** Every node that can allocate the claims, in order; none after a fatal error (the scheduler gives up on the pod). */
  public List<String> feasibleNodes() {
    if (fatal.isPresent()) {
      return List.of();
    }
    return outcomes.stream().filter(AllocationOutcome::satisfiable).map(AllocationOutcome::node).toList();
  }

  /** The outcomes of the nodes that cannot take the claims, each with its reasons. */
  public List<AllocationOutcome> unsatisfied() {
    return outcomes.stream().filter(o -> !o.satisfiable()).toList();
  }

  /** Reasons about the search itself rather than a node: {@link #NO_NODES} when there was no node to try. */
  public List<Diagnostic> searchReasons() {
    if (!nodes.isEmpty()) {
      return List.of();
    }
    return List.of(Diagnostic.builder().code(NO_NODES).path("nodes")
        .message("no node has ResourceSlices or a Node object in the input")
        .hint("give the cluster's ResourceSlices (ai-infra snapshot writes them) or Node objects").build());
  }
}
