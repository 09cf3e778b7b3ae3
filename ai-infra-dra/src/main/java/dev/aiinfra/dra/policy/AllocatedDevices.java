package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.dra.model.AllocationResult;
import dev.aiinfra.dra.model.DeviceResult;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The devices already given to claims, as kube-scheduler gathers them ({@code GatherAllocatedState}):
 * dedicated devices, and for shared results (with a {@code shareID}) the consumed capacity summed
 * per device. Admin-access results are not counted. This is the caller's state, like the
 * scheduler's assume cache: {@link DeviceAllocator} reads it and never changes it; callers
 * {@link #record(AllocationResult)} what they commit.
 */
public final class AllocatedDevices {
  private final Set<DeviceId> dedicated;
  private final Map<DeviceId, Map<String, BigDecimal>> aggregatedCapacity;
  private final Set<DeviceId> shared;

  private AllocatedDevices(Set<DeviceId> dedicated, Map<DeviceId, Map<String, BigDecimal>> aggregated, Set<DeviceId> shared) {
    this.dedicated = dedicated;
    this.aggregatedCapacity = aggregated;
    this.shared = shared;
  }

  public static AllocatedDevices none() {
    return new AllocatedDevices(new HashSet<>(), new HashMap<>(), new HashSet<>());
  }

  /** The state of {@code claims}: those with {@code status.allocation} count; the others are ignored. */
  public static AllocatedDevices of(Collection<ResourceClaimSpec> claims) {
    AllocatedDevices s = none();
    for (ResourceClaimSpec c : claims) {
      c.allocation().ifPresent(s::record);
    }
    return s;
  }

  /** Adds an allocation (mutates this state); returns {@code this}. */
  public AllocatedDevices record(AllocationResult allocation) {
    for (DeviceResult r : allocation.results()) {
      if (r.adminAccess()) {
        continue;
      }
      DeviceId id = new DeviceId(r.driver(), r.pool(), r.device());
      if (r.shareId().isPresent()) {
        shared.add(id);
        Map<String, BigDecimal> sum = aggregatedCapacity.computeIfAbsent(id, k -> new HashMap<>());
        for (Map.Entry<String, Quantity> e : r.consumedCapacity().entrySet()) {
          sum.merge(e.getKey(), e.getValue().value(), BigDecimal::add);
        }
      } else {
        dedicated.add(id);
      }
    }
    return this;
  }

  public AllocatedDevices copy() {
    Map<DeviceId, Map<String, BigDecimal>> agg = new HashMap<>();
    aggregatedCapacity.forEach((k, v) -> agg.put(k, new HashMap<>(v)));
    return new AllocatedDevices(new HashSet<>(dedicated), agg, new HashSet<>(shared));
  }

  /** Allocated as a dedicated device. */
  public boolean isDedicated(DeviceId id) {
    return dedicated.contains(id);
  }

  /** Allocated at all (dedicated or with some capacity shared out): what counter accounting charges. */
  public boolean isAllocated(DeviceId id) {
    return dedicated.contains(id) || shared.contains(id);
  }

  /** Capacity already consumed by shares of {@code id}, by capacity name (empty when none). */
  Map<String, BigDecimal> consumedCapacity(DeviceId id) {
    return aggregatedCapacity.getOrDefault(id, Map.of());
  }

  public int size() {
    return dedicated.size() + shared.size();
  }
}
