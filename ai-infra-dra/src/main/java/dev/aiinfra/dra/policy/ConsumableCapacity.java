package dev.aiinfra.dra.policy;

import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.dra.model.Device;
import dev.aiinfra.dra.model.DeviceCapacity;
import dev.aiinfra.dra.model.QualifiedNames;
import dev.aiinfra.dra.model.RequestPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a request consumes of a shareable device's capacities (DRAConsumableCapacity,
 * {@code consumable_capacity.go}): every capacity of the device is charged — the requested amount
 * rounded up by the request policy, or when nothing is requested the policy default or else the
 * whole capacity — and the rounded amount must be a value the policy allows.
 */
final class ConsumableCapacity {
  private ConsumableCapacity() {}

  /** The device's capacity named {@code name} in a request (qualified, or in the driver's domain). */
  static Optional<String> capacityKey(Device d, String driver, String name) {
    if (d.capacity().containsKey(name)) {
      return Optional.of(name);
    }
    String id = QualifiedNames.id(name);
    if (QualifiedNames.domain(name, driver).equals(driver) && d.capacity().containsKey(id)) {
      return Optional.of(id);
    }
    String qualified = driver + "/" + name;
    return d.capacity().containsKey(qualified) ? Optional.of(qualified) : Optional.empty();
  }

  /** Requests on a dedicated device only filter: each named capacity must exist and be large enough. */
  static boolean dedicatedFits(Device d, String driver, Map<String, Quantity> requests) {
    for (Map.Entry<String, Quantity> r : requests.entrySet()) {
      Optional<String> key = capacityKey(d, driver, r.getKey());
      if (key.isEmpty() || d.capacity().get(key.get()).value().compareTo(r.getValue()) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The amount consumed per capacity of a shareable device, or {@code null} when the device cannot
   * serve the request (a requested capacity is missing, or the policy forbids the amount).
   */
  static Map<String, BigDecimal> consumption(Device d, String driver, Map<String, Quantity> requests) {
    Map<String, Quantity> byKey = new HashMap<>();
    for (Map.Entry<String, Quantity> r : requests.entrySet()) {
      Optional<String> key = capacityKey(d, driver, r.getKey());
      if (key.isEmpty()) {
        return null;
      }
      byKey.put(key.get(), r.getValue());
    }
    Map<String, BigDecimal> consumed = new HashMap<>();
    for (Map.Entry<String, DeviceCapacity> e : d.capacity().entrySet()) {
      DeviceCapacity cap = e.getValue();
      Quantity requested = byKey.get(e.getKey());
      Optional<RequestPolicy> policy = cap.requestPolicy();
      BigDecimal amount;
      boolean fromDefault = false;
      if (requested == null) {
        Optional<Quantity> def = policy.flatMap(RequestPolicy::defaultValue);
        fromDefault = def.isPresent();
        amount = def.map(Quantity::value).orElse(cap.value().value());
      } else {
        amount = policy.map(p -> round(p, requested.value())).orElse(requested.value());
      }
      if (!fromDefault && policy.isPresent() && !allowed(policy.get(), amount)) {
        return null;
      }
      consumed.put(e.getKey(), amount);
    }
    return consumed;
  }

  static BigDecimal round(RequestPolicy p, BigDecimal requested) {
    if (p.min().isPresent()) {
      BigDecimal min = p.min().get().value();
      if (requested.compareTo(min) < 0) {
        return min;
      }
      if (p.step().isEmpty()) {
        return requested;
      }
      // roundUpRange: min + step × ceil((req − min) / step) over Value()s (whole numbers rounded up).
      // Go computes it in int64, which wraps past 2^63−1; exact arithmetic gives the same result
      // wherever Go's does not wrap, and a true one where it would.
      BigDecimal step = p.step().get().value().setScale(0, RoundingMode.CEILING);
      BigDecimal min64 = min.setScale(0, RoundingMode.CEILING);
      BigDecimal req64 = requested.setScale(0, RoundingMode.CEILING);
      BigDecimal steps = req64.subtract(min64).divide(step, 0, RoundingMode.CEILING);
      return min64.add(step.multiply(steps));
    }
    for (Quantity v : p.validValues()) {
      if (v.value().compareTo(requested) >= 0) {
        return v.value();
      }
    }
    return requested;
  }

  static boolean allowed(RequestPolicy p, BigDecimal consumed) {
    if (p.max().isPresent() && consumed.compareTo(p.max().get().value()) > 0) {
      return false;
    }
    if (p.min().isPresent() && p.step().isPresent()) {
      BigDecimal rem = consumed.subtract(p.min().get().value()).remainder(p.step().get().value());
      if (rem.signum() != 0) {
        return false;
      }
    }
    if (!p.validValues().isEmpty()) {
      return p.validValues().stream().anyMatch(v -> v.value().compareTo(consumed) == 0);
    }
    return true;
  }
}
