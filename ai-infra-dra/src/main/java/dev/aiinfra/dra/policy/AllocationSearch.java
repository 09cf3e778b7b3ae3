package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.node.NodeSelectorOperator;
import dev.aiinfra.core.model.node.NodeSelectorRequirement;
import dev.aiinfra.core.model.node.NodeSelectorTerm;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.dra.model.AllocationMode;
import dev.aiinfra.dra.model.AllocationResult;
import dev.aiinfra.dra.model.CounterConsumption;
import dev.aiinfra.dra.model.DeviceCapacity;
import dev.aiinfra.dra.model.DeviceClaim;
import dev.aiinfra.dra.model.DeviceClassSpec;
import dev.aiinfra.dra.model.DeviceConstraint;
import dev.aiinfra.dra.model.DeviceRequest;
import dev.aiinfra.dra.model.DeviceResult;
import dev.aiinfra.dra.model.DeviceSelection;
import dev.aiinfra.dra.model.DeviceSubRequest;
import dev.aiinfra.dra.model.DeviceTaint;
import dev.aiinfra.dra.model.DeviceToleration;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One Allocate call for one node ({@code allocator_incubating.go}): depth-first, first-fit search with
 * exhaustive backtracking over claims, requests, firstAvailable alternatives and device slots; within
 * a request, slot k+1 only looks at devices after the one chosen for slot k (combinations). Holds the
 * mutable search state, so one instance serves one call.
 */
final class AllocationSearch {
  /** Raised for the scheduler's fatal errors; carries the message. */
  static final class Fatal extends RuntimeException {
    Fatal(String message) {
      super(message, null, false, false);
    }
  }

  /** One way to satisfy a request: the request itself or one of its subrequests. */
  static final class Alternative {
    /** {@code namespace/name} of the claim, for messages. */
    final String claim;
    final String request;
    final String resultName;
    final DeviceSelection selection;
    final DeviceClassSpec deviceClass;
    final boolean all;
    final String[] selectors;
    final int[] selectorIds;

    Alternative(String claim, String request, String resultName, DeviceSelection selection, DeviceClassSpec deviceClass) {
      this.claim = claim;
      this.request = request;
      this.resultName = resultName;
      this.selection = selection;
      this.deviceClass = deviceClass;
      this.all = selection.allocationMode() == AllocationMode.All;
      List<String> exprs = new ArrayList<>(deviceClass.selectors());
      exprs.addAll(selection.selectors());
      this.selectors = exprs.toArray(String[]::new);
      this.selectorIds = new int[selectors.length];
      for (int i = 0; i < selectors.length; i++) {
        selectorIds[i] = SelectorIds.of(selectors[i]);
      }
    }

    /**
     * Selector {@code i} failed on {@code device}: the error names the class (class selectors come
     * first) or the claim and request, the selector's index as upstream counts it, and the device.
     */
    CelSelectorException selectorFailed(int i, DeviceId device, CelSelectorException cause) {
      int classSelectors = deviceClass.selectors().size();
      String where = i < classSelectors
          ? "class " + deviceClass.name() + ": selector #" + i + " (claim " + claim + ", request " + resultName + ")"
          : "claim " + claim + ", request " + resultName + ": selector #" + (i - classSelectors);
      return new CelSelectorException(where + ", device " + device + ": " + cause.getMessage());
    }
  }

  private static final class Chosen {
    final Candidate candidate;
    final Alternative alternative;
    final Map<String, BigDecimal> consumed;
    final boolean chargedCounters;
    final List<ConstraintState> constraints;

    Chosen(Candidate c, Alternative a, Map<String, BigDecimal> consumed, boolean charged, List<ConstraintState> constraints) {
      this.candidate = c;
      this.alternative = a;
      this.consumed = consumed;
      this.chargedCounters = charged;
      this.constraints = constraints;
    }
  }

  private final AllocatorFeatures features;
  private final NodeInventory inventory;
  private final AllocatedDevices state;
  private final List<ResourceClaimSpec> claims;
  private final List<List<List<Alternative>>> plans;
  private final Map<Alternative, List<Candidate>> allDevices = new HashMap<>();
  private final List<List<ConstraintState>> constraints = new ArrayList<>();
  private final List<List<Chosen>> chosen = new ArrayList<>();
  private final List<Map<DeviceId, Integer>> claimDevices = new ArrayList<>();
  private final Map<DeviceId, Integer> dedicatedInUse = new HashMap<>();
  private final Map<DeviceId, Integer> shares = new HashMap<>();
  private final Map<DeviceId, Map<String, BigDecimal>> sharedCapacity = new HashMap<>();
  private final Map<PoolKey, Map<String, Map<String, BigDecimal>>> counters = new HashMap<>();
  long steps;
  private final AllocatedDevices.PoolAllocations[] poolStates;

  AllocationSearch(AllocatorFeatures features, DraCluster cluster, NodeInventory inventory, AllocatedDevices state, List<ResourceClaimSpec> claims) {
    this(features, inventory, state, claims, plan(features, cluster, claims));
  }

  /** A search with plans made by {@link #plan} for these claims (plans do not depend on the node). */
  AllocationSearch(AllocatorFeatures features, NodeInventory inventory, AllocatedDevices state, List<ResourceClaimSpec> claims,
      List<List<List<Alternative>>> plans) {
    this.features = features;
    this.inventory = inventory;
    this.state = state;
    this.claims = claims;
    this.plans = plans;
    this.poolStates = new AllocatedDevices.PoolAllocations[inventory.pools.size()];
    for (int ci = 0; ci < claims.size(); ci++) {
      ResourceClaimSpec c = claims.get(ci);
      long minimum = 0;
      for (List<Alternative> request : plans.get(ci)) {
        long least = Long.MAX_VALUE;
        for (Alternative a : request) {
          if (a.all) {
            allDevices.put(a, collectAll(c, a));
          }
          least = Math.min(least, needed(a));
        }
        minimum += request.isEmpty() ? 0 : least;
      }
      if (minimum > DeviceClaim.MAX_DEVICES) {
        throw new Fatal("claim " + ref(c) + ": number of requested devices " + minimum + " exceeds the claim limit of " + DeviceClaim.MAX_DEVICES);
      }
      List<ConstraintState> cs = new ArrayList<>(c.devices().constraints().size());
      for (DeviceConstraint dc : c.devices().constraints()) {
        cs.add(new ConstraintState(dc));
      }
      constraints.add(cs);
      chosen.add(new ArrayList<>());
      claimDevices.add(new HashMap<>());
    }
  }

  static String ref(ResourceClaimSpec c) {
    return c.namespace() + "/" + c.name();
  }

  /** Validates the claims against gates and classes (fatal errors) and lists each request's alternatives. */
  static List<List<List<Alternative>>> plan(AllocatorFeatures features, DraCluster cluster, List<ResourceClaimSpec> claims) {
    List<List<List<Alternative>>> plans = new ArrayList<>(claims.size());
    for (ResourceClaimSpec c : claims) {
      List<List<Alternative>> requests = new ArrayList<>();
      for (DeviceRequest r : c.devices().requests()) {
        List<Alternative> alternatives = new ArrayList<>();
        if (r.exactly().isPresent()) {
          alternatives.add(alternative(features, cluster, c, r.name(), r.name(), r.exactly().get()));
        } else {
          if (!features.prioritizedList()) {
            throw new Fatal("claim " + ref(c) + ", request " + r.name() + ": firstAvailable needs the DRAPrioritizedList feature gate");
          }
          for (DeviceSubRequest s : r.firstAvailable()) {
            alternatives.add(alternative(features, cluster, c, r.name(), r.name() + "/" + s.name(), s.selection()));
          }
        }
        requests.add(alternatives);
      }
      for (DeviceConstraint dc : c.devices().constraints()) {
        if (dc.distinctAttribute().isPresent() && !features.consumableCapacity()) {
          throw new Fatal("claim " + ref(c) + ": distinctAttribute needs the DRAConsumableCapacity feature gate (an empty constraint otherwise)");
        }
      }
      plans.add(requests);
    }
    return plans;
  }

  private static Alternative alternative(AllocatorFeatures features, DraCluster cluster, ResourceClaimSpec c, String request, String resultName, DeviceSelection s) {
    String where = "claim " + ref(c) + ", request " + resultName;
    if (s.adminAccess() && !features.adminAccess()) {
      throw new Fatal(where + ": adminAccess needs the DRAAdminAccess feature gate");
    }
    if (!s.capacityRequests().isEmpty() && !features.consumableCapacity()) {
      throw new Fatal(where + ": capacity requests need the DRAConsumableCapacity feature gate");
    }
    DeviceClassSpec cls = cluster.deviceClass(s.deviceClassName())
        .orElseThrow(() -> new Fatal(where + ": could not retrieve device class " + s.deviceClassName()));
    return new Alternative(ref(c), request, resultName, s, cls);
  }

  /** All mode: every matching device on the node, collected before the search (fatal when a pool is incomplete or invalid). */
  private List<Candidate> collectAll(ResourceClaimSpec c, Alternative a) {
    for (NodePool p : inventory.pools) {
      if (!p.usable()) {
        throw new Fatal("claim " + ref(c) + ", request " + a.resultName + ": allocationMode All needs every pool on node " + inventory.node
            + " to be complete and valid, but " + p.describe());
      }
    }
    List<Candidate> all = new ArrayList<>();
    for (Candidate cand : inventory.candidates) {
      // Devices consuming counters without the gate are collected (and then fail), as upstream.
      // Capacity already consumed by allocated claims counts here (nothing is being allocated yet).
      if (bindingConditionsOk(cand) && selected(cand, a) && cand.nodeMatch && capacityFor(cand, a, true) != null) {
        all.add(cand);
      }
    }
    return all;
  }

  /** How many devices an alternative needs here: its count, or in All mode every matching device. */
  long needed(Alternative a) {
    return a.all ? allDevices.get(a).size() : a.selection.count();
  }

  /** The alternatives of each request of claim {@code ci}. */
  List<List<Alternative>> plan(int ci) {
    return plans.get(ci);
  }

  /** Runs the search; true when every claim got its devices. */
  boolean run() {
    return claim(0);
  }

  private boolean claim(int ci) {
    if (ci == claims.size()) {
      return true;
    }
    return request(ci, 0);
  }

  private boolean request(int ci, int ri) {
    if (ri == plans.get(ci).size()) {
      return claim(ci + 1);
    }
    for (Alternative a : plans.get(ci).get(ri)) {
      if (chosen.get(ci).size() + needed(a) > DeviceClaim.MAX_DEVICES) {
        continue;
      }
      if (a.all && allDevices.get(a).isEmpty()) {
        continue;
      }
      if (slot(ci, ri, a, 0, 0)) {
        return true;
      }
    }
    return false;
  }

  private boolean slot(int ci, int ri, Alternative a, long k, int start) {
    steps++;
    if (k == needed(a)) {
      return request(ci, ri + 1);
    }
    if (a.all) {
      Candidate c = allDevices.get(a).get((int) k);
      if (!tryAllocate(ci, a, c, true)) {
        return false;
      }
      if (slot(ci, ri, a, k + 1, 0)) {
        return true;
      }
      release(ci);
      return false;
    }
    List<Candidate> candidates = inventory.candidates;
    // No pruning when fewer candidates remain than devices needed: the scheduler looks at every
    // remaining device, and a selector's runtime error on one of them is fatal.
    for (int i = start; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (!tryAllocate(ci, a, c, false)) {
        continue;
      }
      if (slot(ci, ri, a, k + 1, i + 1)) {
        return true;
      }
      release(ci);
    }
    return false;
  }

  private boolean shareable(Candidate c) {
    return features.consumableCapacity() && c.device.allowMultipleAllocations();
  }

  boolean bindable(Candidate c) {
    return bindingConditionsOk(c) && countersUsable(c);
  }

  /** Devices with binding conditions need DeviceBindingAndStatus (checked before selectors). */
  boolean bindingConditionsOk(Candidate c) {
    return c.device.bindingConditions().isEmpty() || features.deviceBindingAndStatus();
  }

  /** Devices consuming counters need PartitionableDevices (checked after selectors and capacity). */
  boolean countersUsable(Candidate c) {
    return c.device.consumesCounters().isEmpty() || features.partitionableDevices();
  }

  /** In use for this alternative: allocated before, or being allocated in this call. */
  boolean inUse(int ci, Alternative a, Candidate c) {
    DeviceId id = c.id;
    if (a.selection.adminAccess()) {
      // Upstream marks a device as allocating for its claim only when it is not shareable, so admin
      // access may take a shareable device this claim already holds.
      return !shareable(c) && claimDevices.get(ci).containsKey(id);
    }
    if (shareable(c)) {
      return poolState(c).dedicated.contains(id.device()) || dedicatedInUse.containsKey(id);
    }
    return poolState(c).isAllocated(id.device()) || dedicatedInUse.containsKey(id) || shares.containsKey(id);
  }

  private AllocatedDevices.PoolAllocations poolState(Candidate c) {
    AllocatedDevices.PoolAllocations p = poolStates[c.pool.index];
    if (p == null) {
      p = state.pool(c.pool.key);
      poolStates[c.pool.index] = p;
    }
    return p;
  }

  boolean selected(Candidate c, Alternative a) {
    for (int i = 0; i < a.selectors.length; i++) {
      boolean match;
      try {
        match = c.matches(a.selectorIds[i], a.selectors[i]);
      } catch (CelSelectorException e) {
        throw a.selectorFailed(i, c.id, e);
      }
      if (!match) {
        return false;
      }
    }
    return true;
  }

  /**
   * The capacity {@code c} would give {@code a} (empty for dedicated devices), or {@code null} when
   * it cannot; with {@code withUsage} the capacity already consumed counts.
   */
  Map<String, BigDecimal> capacityFor(Candidate c, Alternative a, boolean withUsage) {
    if (!features.consumableCapacity()) {
      return Map.of();
    }
    if (!shareable(c)) {
      return ConsumableCapacity.dedicatedFits(c.device, c.driver(), a.selection.capacityRequests()) ? Map.of() : null;
    }
    Map<String, BigDecimal> consumed = ConsumableCapacity.consumption(c.device, c.driver(), a.selection.capacityRequests());
    if (consumed == null) {
      return null;
    }
    for (Map.Entry<String, BigDecimal> e : consumed.entrySet()) {
      DeviceCapacity cap = c.device.capacity().get(e.getKey());
      BigDecimal total = e.getValue();
      if (withUsage) {
        total = total.add(state.consumedCapacity(c.id).getOrDefault(e.getKey(), BigDecimal.ZERO))
            .add(sharedCapacity.getOrDefault(c.id, Map.of()).getOrDefault(e.getKey(), BigDecimal.ZERO));
      }
      if (total.compareTo(cap.value().value()) > 0) {
        return null;
      }
    }
    return consumed;
  }

  boolean tolerated(Candidate c, Alternative a) {
    if (!features.deviceTaints()) {
      return true;
    }
    for (DeviceTaint t : c.device.taints()) {
      if (t.blocks() && a.selection.tolerations().stream().noneMatch(tol -> tol.tolerates(t))) {
        return false;
      }
    }
    return true;
  }

  private Map<String, Map<String, BigDecimal>> available(NodePool p) {
    return counters.computeIfAbsent(p.key, k -> {
      Map<String, Map<String, BigDecimal>> avail = new HashMap<>();
      p.counterSets.forEach((set, cs) -> {
        Map<String, BigDecimal> m = new HashMap<>();
        cs.forEach((name, q) -> m.put(name, q.value()));
        avail.put(set, m);
      });
      NodeInventory.poolDevices(p).forEach((id, d) -> {
        if (state.isAllocated(id)) {
          charge(avail, d.consumesCounters(), -1);
        }
      });
      return avail;
    });
  }

  private static void charge(Map<String, Map<String, BigDecimal>> avail, List<CounterConsumption> consumption, int sign) {
    for (CounterConsumption cc : consumption) {
      Map<String, BigDecimal> set = avail.get(cc.counterSet());
      cc.counters().forEach((name, q) -> set.merge(name, sign < 0 ? q.value().negate() : q.value(), BigDecimal::add));
    }
  }

  boolean countersFit(Candidate c) {
    Map<String, Map<String, BigDecimal>> avail = available(c.pool);
    for (CounterConsumption cc : c.device.consumesCounters()) {
      Map<String, BigDecimal> set = avail.get(cc.counterSet());
      for (Map.Entry<String, Quantity> e : cc.counters().entrySet()) {
        if (set.get(e.getKey()).compareTo(e.getValue().value()) < 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** The candidate checks in upstream order; on success the device is marked as allocating. */
  private boolean tryAllocate(int ci, Alternative a, Candidate c, boolean must) {
    if (!bindingConditionsOk(c) || inUse(ci, a, c)) {
      return false;
    }
    if (!must && (!selected(c, a) || !c.nodeMatch)) {
      return false;
    }
    Map<String, BigDecimal> consumed = capacityFor(c, a, true);
    if (consumed == null || !countersUsable(c)) {
      return false;
    }
    boolean shared = shareable(c);
    boolean alreadyCharged = shared && (shares.containsKey(c.id) || poolState(c).isAllocated(c.id.device()));
    boolean charge = features.partitionableDevices() && !c.device.consumesCounters().isEmpty() && !alreadyCharged;
    if (charge && !countersFit(c)) {
      return false;
    }
    if (!tolerated(c, a)) {
      return false;
    }
    List<ConstraintState> added = new ArrayList<>();
    for (ConstraintState s : constraints.get(ci)) {
      if (!s.covers(a.request, a.resultName)) {
        continue;
      }
      if (!s.add(c.device, c.driver())) {
        for (ConstraintState u : added) {
          u.remove(c.device, c.driver());
        }
        if (must) {
          throw new Fatal("claim " + ref(claims.get(ci)) + ", request " + a.resultName + ": cannot add device " + c.id
              + " because a claim constraint would not be satisfied (" + s.describe() + ")");
        }
        return false;
      }
      added.add(s);
    }
    if (charge) {
      charge(available(c.pool), c.device.consumesCounters(), -1);
    }
    if (shared) {
      shares.merge(c.id, 1, Integer::sum);
      Map<String, BigDecimal> sum = sharedCapacity.computeIfAbsent(c.id, k -> new HashMap<>());
      consumed.forEach((k, v) -> sum.merge(k, v, BigDecimal::add));
    } else {
      dedicatedInUse.merge(c.id, 1, Integer::sum);
    }
    claimDevices.get(ci).merge(c.id, 1, Integer::sum);
    chosen.get(ci).add(new Chosen(c, a, shared ? consumed : null, charge, added));
    return true;
  }

  /** Undoes the most recent allocation of claim {@code ci}, returning counters and capacity. */
  private void release(int ci) {
    List<Chosen> list = chosen.get(ci);
    Chosen ch = list.remove(list.size() - 1);
    Candidate c = ch.candidate;
    for (ConstraintState s : ch.constraints) {
      s.remove(c.device, c.driver());
    }
    if (ch.chargedCounters) {
      charge(available(c.pool), c.device.consumesCounters(), 1);
    }
    if (ch.consumed != null) {
      decrement(shares, c.id);
      Map<String, BigDecimal> sum = sharedCapacity.get(c.id);
      ch.consumed.forEach((k, v) -> sum.merge(k, v.negate(), BigDecimal::add));
    } else {
      decrement(dedicatedInUse, c.id);
    }
    decrement(claimDevices.get(ci), c.id);
  }

  private static void decrement(Map<DeviceId, Integer> m, DeviceId id) {
    m.computeIfPresent(id, (k, v) -> v == 1 ? null : v - 1);
  }

  /** The allocation results, claim by claim, after a successful {@link #run()}. */
  List<ClaimAllocation> results() {
    List<ClaimAllocation> out = new ArrayList<>();
    for (int ci = 0; ci < claims.size(); ci++) {
      ResourceClaimSpec claim = claims.get(ci);
      AllocationResult.Builder b = AllocationResult.builder();
      boolean nodeLocal = false;
      Set<NodeSelectorRequirement> expressions = new LinkedHashSet<>();
      Set<NodeSelectorRequirement> fields = new LinkedHashSet<>();
      int share = 0;
      for (Chosen ch : chosen.get(ci)) {
        Candidate c = ch.candidate;
        DeviceResult.Builder r = DeviceResult.builder()
            .request(ch.alternative.resultName)
            .driver(c.id.driver())
            .pool(c.id.pool())
            .device(c.id.device())
            .adminAccess(ch.alternative.selection.adminAccess());
        List<DeviceToleration> tolerations = ch.alternative.selection.tolerations();
        if (features.deviceTaints()) {
          r.addAllTolerations(tolerations);
        }
        if (ch.consumed != null) {
          r.shareId(shareId(claim, ch.alternative.resultName, c.id, share++));
          ch.consumed.forEach((k, v) -> r.putConsumedCapacity(k, quantity(v, c.device.capacity().get(k).value())));
        }
        b.addResults(r.build());
        nodeLocal |= c.nodeLocal();
        c.nodeSelector().ifPresent(t -> {
          expressions.addAll(t.matchExpressions());
          fields.addAll(t.matchFields());
        });
      }
      if (nodeLocal) {
        b.nodeSelector(inventory.thisNode);
      } else if (!expressions.isEmpty() || !fields.isEmpty()) {
        b.nodeSelector(NodeSelectorTerm.builder().addAllMatchExpressions(expressions).addAllMatchFields(fields).build());
      }
      out.add(ClaimAllocation.of(claim, b.build()));
    }
    return out;
  }

  private static Quantity quantity(BigDecimal v, Quantity like) {
    return Quantity.of(v, like.format());
  }

  /**
   * A share's ID. Upstream draws a random UUID; ours is derived from the claim, request, device and
   * ordinal (a name-based UUID), so results are reproducible.
   */
  static String shareId(ResourceClaimSpec claim, String request, DeviceId id, int ordinal) {
    String key = ref(claim) + "|" + request + "|" + id + "|" + ordinal;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
