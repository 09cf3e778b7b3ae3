package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.dra.model.DeviceConstraint;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * kube-scheduler's structured allocator for Dynamic Resource Allocation (KEP-4381 and the KEPs of
 * its gated features), offline: whether, and with which devices, one pod's claims can be allocated
 * on a node, given the cluster's ResourceSlices and DeviceClasses and the devices already
 * allocated. It follows the 1.36+ {@code incubating} implementation: pools sorted by (driver,
 * pool), pools with binding conditions last, slices by name; depth-first first-fit with exhaustive
 * backtracking; combinations within a request; All mode; firstAvailable; matchAttribute and
 * distinctAttribute; pool generations and completeness; consumable capacity; partitionable
 * counters; admin access; device taints; the result's node selector.
 *
 * <p>Deliberate divergences from upstream, each a bug there:
 *
 * <ol>
 *   <li>Counters are keyed by (driver, pool); upstream keys them by pool name only, so two drivers
 *       with equally named pools (pool = node name is common) share one counter cache.
 *   <li>{@code distinctAttribute} keeps every allocated device's value; upstream remembers one value
 *       per request, so with count &gt; 1 and backtracking a duplicate can slip through.
 *   <li>The counters a shared (multi-allocatable) device consumed are returned when the search
 *       backtracks over it; upstream never returns them, which can hide solutions.
 * </ol>
 *
 * <p>Share IDs are name-based UUIDs of claim, request, device and ordinal rather than random ones,
 * so results are reproducible. The scheduler's per-node filter timeout is not modelled.
 *
 * <p>Thread-safe; the per-node device views and selector results are memoized, so reuse one
 * allocator for many calls against the same cluster.
 */
public final class DeviceAllocator {
  private final DraCluster cluster;
  private final AllocatorFeatures features;
  private final boolean explain;
  private final Map<String, NodeInventory> inventories;
  /** The plans of the last claims asked about (by identity): a pod's claims are tried on many nodes in a row. */
  private volatile LastPlan lastPlan;

  private record LastPlan(List<ResourceClaimSpec> claims, List<List<List<AllocationSearch.Alternative>>> plans) {
    boolean isFor(List<ResourceClaimSpec> other) {
      if (other.size() != claims.size()) {
        return false;
      }
      for (int i = 0; i < other.size(); i++) {
        if (other.get(i) != claims.get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  private DeviceAllocator(DraCluster cluster, AllocatorFeatures features, boolean explain, Map<String, NodeInventory> inventories) {
    this.cluster = cluster;
    this.features = features;
    this.explain = explain;
    this.inventories = inventories;
  }

  /**
   * This allocator without per-request explanations: a "no" carries one constant reason
   * ({@code DRA_UNSATISFIABLE}), as kube-scheduler's Filter does. For simulations that ask
   * thousands of nodes and only need the answer.
   */
  public DeviceAllocator withoutExplanations() {
    return new DeviceAllocator(cluster, features, false, inventories);
  }

  public static DeviceAllocator of(DraCluster cluster, AllocatorFeatures features) {
    return new DeviceAllocator(cluster, features, true, new ConcurrentHashMap<>());
  }

  public static DeviceAllocator of(DraCluster cluster, ClusterProfile profile) {
    return of(cluster, AllocatorFeatures.of(profile));
  }

  public DraCluster cluster() {
    return cluster;
  }

  /**
   * Allocates {@code claims} (one pod's claims, in pod order; claims that already carry an
   * allocation are skipped) on {@code node}. {@code allocated} is read, never changed.
   */
  public AllocationOutcome allocate(String node, List<ResourceClaimSpec> claims, AllocatedDevices allocated) {
    NodeInventory inventory = inventories.get(node);
    if (inventory == null) {
      inventory = inventories.computeIfAbsent(node, n -> NodeInventory.build(cluster, n, features));
    }
    List<ResourceClaimSpec> pending = claims;
    for (ResourceClaimSpec c : claims) {
      if (c.allocation().isPresent()) {
        pending = claims.stream().filter(x -> x.allocation().isEmpty()).toList();
        break;
      }
    }
    AllocationOutcome.Builder out = AllocationOutcome.builder().node(node);
    try {
      LastPlan last = lastPlan;
      if (last == null || !last.isFor(pending)) {
        last = new LastPlan(List.copyOf(pending), AllocationSearch.plan(features, cluster, pending));
        lastPlan = last;
      }
      AllocationSearch search = new AllocationSearch(features, inventory, allocated, pending, last.plans());
      if (search.run()) {
        return out.status(AllocationStatus.ALLOCATED).addAllClaims(search.results()).build();
      }
      boolean invalid = inventory.anyInvalid();
      out.status(invalid ? AllocationStatus.FAILED_ON_NODE : AllocationStatus.UNSATISFIABLE);
      if (invalid) {
        out.error("invalid resource pools were encountered");
      }
      if (!explain) {
        return out.addReasons(inventory.unsatisfiable).build();
      }
      List<Diagnostic> reasons;
      try {
        reasons = explain(inventory, pending, allocated);
      } catch (AllocationSearch.Fatal | CelSelectorException e) {
        // The explanation looks at devices the search never reached: an error there is not the
        // scheduler's (it evaluates selectors only where the search goes), so the answer stays "no".
        reasons = List.of(inventory.unsatisfiable);
      }
      return out.addAllReasons(reasons).build();
    } catch (AllocationSearch.Fatal | CelSelectorException e) {
      return out.status(AllocationStatus.FATAL)
          .error(e.getMessage())
          .addReasons(Diagnostic.builder().code("DRA_FATAL").path("node " + node).message(e.getMessage())
              .hint("fix the claim or class: the scheduler gives up on the pod on every node").build())
          .build();
    }
  }

  /**
   * Allocates {@code claims} on every node of the cluster (every node with ResourceSlices or a Node
   * object), in name order: see {@link #allocateAcross}.
   */
  public NodeSearch allocateOnEveryNode(List<ResourceClaimSpec> claims, AllocatedDevices allocated) {
    return allocateAcross(List.copyOf(cluster.nodeNames()), claims, allocated);
  }

  /**
   * Tries {@code claims} on each of {@code nodes} in order, as the scheduler filters nodes for a
   * pod: every node is asked (so every feasible node is known), except that a fatal error (a CEL
   * error, an invalid claim) stops the search, because the scheduler then gives up on the pod on
   * every node. The first feasible node is the one chosen.
   */
  public NodeSearch allocateAcross(List<String> nodes, List<ResourceClaimSpec> claims, AllocatedDevices allocated) {
    List<AllocationOutcome> outcomes = new ArrayList<>();
    AllocationOutcome fatal = null;
    for (String n : nodes) {
      AllocationOutcome o = allocate(n, claims, allocated);
      outcomes.add(o);
      if (o.fatal()) {
        fatal = o;
        break;
      }
    }
    Optional<AllocationOutcome> chosen = fatal != null ? Optional.empty()
        : outcomes.stream().filter(AllocationOutcome::satisfiable).findFirst();
    return new NodeSearch(nodes, outcomes, chosen, Optional.ofNullable(fatal));
  }

  private List<Diagnostic> explain(NodeInventory inventory, List<ResourceClaimSpec> claims, AllocatedDevices allocated) {
    List<Diagnostic> reasons = new ArrayList<>();
    String node = inventory.node;
    for (NodePool p : inventory.pools) {
      if (!p.usable()) {
        reasons.add(Diagnostic.builder().code(p.incomplete ? "DRA_POOL_INCOMPLETE" : "DRA_POOL_INVALID")
            .path("node " + node).message(p.describe() + "; its devices are not used").build());
      }
    }
    if (inventory.candidates.isEmpty()) {
      reasons.add(Diagnostic.builder().code("DRA_NO_DEVICES").path("node " + node)
          .message("node " + node + " has no usable devices in any complete, valid ResourceSlice pool")
          .hint("check that the driver publishes ResourceSlices for this node").build());
      return reasons;
    }
    AllocationSearch probe = new AllocationSearch(features, cluster, inventory, allocated, claims);
    boolean shortage = false;
    for (int ci = 0; ci < claims.size(); ci++) {
      ResourceClaimSpec claim = claims.get(ci);
      List<List<AllocationSearch.Alternative>> plan = probe.plan(ci);
      for (List<AllocationSearch.Alternative> request : plan) {
        boolean someFits = false;
        List<Diagnostic> requestReasons = new ArrayList<>();
        for (AllocationSearch.Alternative a : request) {
          RequestCensus census = RequestCensus.take(probe, inventory, a);
          if (census.free() >= Math.max(1, a.all ? census.matched() : probe.needed(a))) {
            someFits = true;
          } else {
            requestReasons.add(census.diagnostic(probe, claim, node, a));
          }
        }
        if (!someFits) {
          shortage = true;
          reasons.addAll(requestReasons);
        }
      }
    }
    if (!shortage) {
      reasons.addAll(conflicts(inventory, claims, allocated));
    }
    return reasons;
  }

  /** Every request has enough free devices on its own: find the constraint or competition to blame. */
  private List<Diagnostic> conflicts(NodeInventory inventory, List<ResourceClaimSpec> claims, AllocatedDevices allocated) {
    List<Diagnostic> reasons = new ArrayList<>();
    String node = inventory.node;
    boolean eachAloneFits = true;
    for (ResourceClaimSpec claim : claims) {
      if (fits(inventory, List.of(claim), allocated)) {
        continue;
      }
      eachAloneFits = false;
      String where = "claim " + AllocationSearch.ref(claim);
      List<DeviceConstraint> all = claim.devices().constraints();
      if (!fits(inventory, List.of(withConstraints(claim, List.of())), allocated)) {
        reasons.add(Diagnostic.builder().code("DRA_REQUESTS_COMPETE").path(where)
            .message("the requests of " + where + " each find enough free devices on node " + node
                + ", but not all at once: they compete for the same devices, capacity or counters")
            .build());
        continue;
      }
      boolean named = false;
      for (DeviceConstraint c : all) {
        if (!fits(inventory, List.of(withConstraints(claim, List.of(c))), allocated)) {
          named = true;
          reasons.add(Diagnostic.builder().code("DRA_CONSTRAINT_UNSATISFIED").path(where)
              .message("no set of free devices on node " + node + " satisfies " + new ConstraintState(c).describe() + " of " + where)
              .hint("devices must publish the attribute with one value (match) or pairwise different values (distinct)")
              .build());
        }
      }
      if (!named) {
        // Each constraint can be met alone: name the first one that cannot join those before it.
        List<DeviceConstraint> prefix = new ArrayList<>();
        for (DeviceConstraint c : all) {
          prefix.add(c);
          if (!fits(inventory, List.of(withConstraints(claim, prefix)), allocated)) {
            reasons.add(Diagnostic.builder().code("DRA_CONSTRAINTS_CONFLICT").path(where)
                .message("on node " + node + ", " + (prefix.size() - 1) + " constraint(s) of " + where + " can be met together, but not also "
                    + new ConstraintState(c).describe() + " (constraint " + (prefix.size() - 1) + ")")
                .hint("the devices that meet the earlier constraints leave none that meet this one")
                .build());
            break;
          }
        }
      }
    }
    if (eachAloneFits) {
      reasons.add(Diagnostic.builder().code("DRA_CLAIMS_COMPETE").path("node " + node)
          .message("each of the " + claims.size() + " claims fits on node " + node + " alone, but not all together: they compete for the same devices")
          .build());
    }
    return reasons;
  }

  private boolean fits(NodeInventory inventory, List<ResourceClaimSpec> claims, AllocatedDevices allocated) {
    return new AllocationSearch(features, cluster, inventory, allocated, claims).run();
  }

  private static ResourceClaimSpec withConstraints(ResourceClaimSpec claim, List<DeviceConstraint> constraints) {
    return claim.withDevices(claim.devices().withConstraints(constraints));
  }
}
