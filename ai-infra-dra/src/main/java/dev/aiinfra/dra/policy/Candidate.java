package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.node.NodeSelectorTerm;
import dev.aiinfra.dra.model.Device;
import dev.aiinfra.dra.model.ResourceSliceSpec;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
  private volatile Map<String, Object> activation;
  private final Map<String, Boolean> selectorResults = new ConcurrentHashMap<>(4);

  Candidate(Device device, ResourceSliceSpec slice, NodePool pool, int index) {
    this.id = new DeviceId(slice.driver(), slice.pool(), device.name());
    this.device = device;
    this.slice = slice;
    this.pool = pool;
    this.index = index;
  }

  String driver() {
    return slice.driver();
  }

  /** Whether {@code expression} holds for this device; CEL errors propagate (they are fatal). */
  boolean matches(String expression) {
    Boolean r = selectorResults.get(expression);
    if (r == null) {
      Map<String, Object> a = activation;
      if (a == null) {
        a = DeviceCel.activation(slice.driver(), device);
        activation = a;
      }
      r = DeviceCel.matches(expression, a);
      selectorResults.put(expression, r);
    }
    return r;
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
