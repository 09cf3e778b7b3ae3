package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.dra.model.AllocationResult;
import dev.aiinfra.dra.model.ClusterDevices;
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
  /** One pool's allocated device names; looked up once per pool so the search checks small sets. */
  static final class PoolAllocations {
    static final PoolAllocations EMPTY = new PoolAllocations();
    final Set<String> dedicated = new HashSet<>();
    final Set<String> shared = new HashSet<>();

    boolean isAllocated(String device) {
      return dedicated.contains(device) || shared.contains(device);
    }
  }

  private final Map<PoolKey, PoolAllocations> byPool;
  private final Map<DeviceId, Map<String, BigDecimal>> aggregatedCapacity;

  private AllocatedDevices(Map<PoolKey, PoolAllocations> byPool, Map<DeviceId, Map<String, BigDecimal>> aggregated) {
    this.byPool = byPool;
    this.aggregatedCapacity = aggregated;
  }

  public static AllocatedDevices none() {
    return new AllocatedDevices(new HashMap<>(), new HashMap<>());
  }

  /** The state of {@code claims}: those with {@code status.allocation} count; the others are ignored. */
  public static AllocatedDevices of(Collection<ResourceClaimSpec> claims) {
    AllocatedDevices s = none();
    for (ResourceClaimSpec c : claims) {
      c.allocation().ifPresent(s::record);
    }
    return s;
  }

  /** The devices held by the allocated claims of {@code cluster}'s {@link ClusterDevices} (a fresh, mutable state). */
  public static AllocatedDevices of(Cluster cluster) {
    return of(ClusterDevices.of(cluster).claims());
  }

  /** Adds an allocation (mutates this state); returns {@code this}. */
  public AllocatedDevices record(AllocationResult allocation) {
    for (DeviceResult r : allocation.results()) {
      if (r.adminAccess()) {
        continue;
      }
      DeviceId id = new DeviceId(r.driver(), r.pool(), r.device());
      PoolAllocations pool = byPool.computeIfAbsent(new PoolKey(r.driver(), r.pool()), k -> new PoolAllocations());
      if (r.shareId().isPresent()) {
        pool.shared.add(r.device());
        Map<String, BigDecimal> sum = aggregatedCapacity.computeIfAbsent(id, k -> new HashMap<>());
        for (Map.Entry<String, Quantity> e : r.consumedCapacity().entrySet()) {
          sum.merge(e.getKey(), e.getValue().value(), BigDecimal::add);
        }
      } else {
        pool.dedicated.add(r.device());
      }
    }
    return this;
  }

  public AllocatedDevices copy() {
    Map<DeviceId, Map<String, BigDecimal>> agg = new HashMap<>();
    aggregatedCapacity.forEach((k, v) -> agg.put(k, new HashMap<>(v)));
    Map<PoolKey, PoolAllocations> pools = new HashMap<>();
    byPool.forEach((k, v) -> {
      PoolAllocations p = new PoolAllocations();
      p.dedicated.addAll(v.dedicated);
      p.shared.addAll(v.shared);
      pools.put(k, p);
    });
    return new AllocatedDevices(pools, agg);
  }

  /** Allocated as a dedicated device. */
  public boolean isDedicated(DeviceId id) {
    return pool(id.driver(), id.pool()).dedicated.contains(id.device());
  }

  /** Allocated at all (dedicated or with some capacity shared out): what counter accounting charges. */
  public boolean isAllocated(DeviceId id) {
    return pool(id.driver(), id.pool()).isAllocated(id.device());
  }

  PoolAllocations pool(String driver, String pool) {
    return byPool.getOrDefault(new PoolKey(driver, pool), PoolAllocations.EMPTY);
  }

  PoolAllocations pool(PoolKey key) {
    return byPool.getOrDefault(key, PoolAllocations.EMPTY);
  }

  /** Capacity already consumed by shares of {@code id}, by capacity name (empty when none). */
  Map<String, BigDecimal> consumedCapacity(DeviceId id) {
    return aggregatedCapacity.getOrDefault(id, Map.of());
  }

  public int size() {
    return byPool.values().stream().mapToInt(p -> p.dedicated.size() + p.shared.size()).sum();
  }
}
