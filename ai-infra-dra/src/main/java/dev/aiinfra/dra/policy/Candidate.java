package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.node.NodeSelectorTerm;
import dev.aiinfra.dra.model.Device;
import dev.aiinfra.dra.model.ResourceSliceSpec;
import java.util.Map;
import java.util.Optional;

/**
 * A device a node can see, in search order, with its pool and slice and a memo of selector
 * results (a selector's result depends only on the device and the expression).
 */
final class Candidate {
  final DeviceId id;
  final Device device;
  final ResourceSliceSpec slice;
  final NodePool pool;
  final int index;
  /** False for a device of a per-device-selection slice that does not select this node (rejected after its selectors, as upstream). */
  final boolean nodeMatch;
  private volatile Map<String, Object> activation;
  /** Selector results by {@link SelectorIds} id: 0 not yet evaluated, 1 true, 2 false. */
  private volatile byte[] results = new byte[0];

  Candidate(Device device, ResourceSliceSpec slice, NodePool pool, int index) {
    this(device, slice, pool, index, true);
  }

  Candidate(Device device, ResourceSliceSpec slice, NodePool pool, int index, boolean nodeMatch) {
    this.nodeMatch = nodeMatch;
    this.id = new DeviceId(slice.driver(), slice.pool(), device.name());
    this.device = device;
    this.slice = slice;
    this.pool = pool;
    this.index = index;
  }

  String driver() {
    return slice.driver();
  }

  /** Whether selector {@code id} ({@code expression}) holds for this device; CEL errors propagate (they are fatal). */
  boolean matches(int id, String expression) {
    byte[] memo = results;
    if (id < memo.length && memo[id] != 0) {
      return memo[id] == 1;
    }
    Map<String, Object> a = activation;
    if (a == null) {
      a = DeviceCel.activation(slice.driver(), device);
      activation = a;
    }
    boolean r = DeviceCel.matches(expression, a);
    remember(id, r);
    return r;
  }

  private synchronized void remember(int id, boolean r) {
    byte[] memo = results;
    if (id >= memo.length) {
      memo = java.util.Arrays.copyOf(memo, Math.max(id + 1, memo.length * 2));
    } else {
      memo = memo.clone();
    }
    memo[id] = (byte) (r ? 1 : 2);
    results = memo;
  }

  /** Bound to exactly this node (slice or device {@code nodeName}, or {@code bindsToNode}). */
  boolean nodeLocal() {
    return slice.nodeName().isPresent() || device.nodeName().isPresent() || device.bindsToNode();
  }

  /** The one-term node selector of the slice or the device, when that is how it selects nodes. */
  Optional<NodeSelectorTerm> nodeSelector() {
    return slice.nodeSelector().or(device::nodeSelector);
  }
}
