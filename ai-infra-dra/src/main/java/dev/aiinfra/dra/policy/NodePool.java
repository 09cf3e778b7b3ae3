package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.dra.model.ResourceSliceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pool as one node sees it ({@code pools_incubating.go}): its slices of the newest generation that
 * target the node (sorted by name), its counter sets, whether it is complete and valid, and all of
 * the pool's slices of that generation (other nodes' included) for counter accounting.
 */
final class NodePool {
  final PoolKey key;
  final long generation;
  final List<ResourceSliceSpec> slices;
  final List<ResourceSliceSpec> generationSlices;
  final Map<String, Map<String, Quantity>> counterSets;
  final boolean incomplete;
  final String invalidReason;
  final boolean hasBindingConditions;
  final List<Candidate> devices = new ArrayList<>();
  /** Position in the node's pool order. */
  int index;

  NodePool(PoolKey key, long generation, List<ResourceSliceSpec> slices, List<ResourceSliceSpec> generationSlices,
      Map<String, Map<String, Quantity>> counterSets, boolean incomplete, String invalidReason, boolean hasBindingConditions) {
    this.key = key;
    this.generation = generation;
    this.slices = slices;
    this.generationSlices = generationSlices;
    this.counterSets = counterSets;
    this.incomplete = incomplete;
    this.invalidReason = invalidReason;
    this.hasBindingConditions = hasBindingConditions;
  }

  boolean invalid() {
    return invalidReason != null;
  }

  boolean usable() {
    return !incomplete && invalidReason == null;
  }

  String describe() {
    return "pool " + key + (incomplete ? " is incomplete (not all of its " + "slices of generation " + generation + " are published)" : " is invalid: " + invalidReason);
  }
}
