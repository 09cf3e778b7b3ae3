package dev.aiinfra.dra.policy;

import dev.aiinfra.dra.model.AttributeValue;
import dev.aiinfra.dra.model.Device;
import dev.aiinfra.dra.model.DeviceConstraint;
import dev.aiinfra.dra.model.QualifiedNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One claim constraint during a search. {@code matchAttribute}: every device of the covered requests
 * has the attribute, with equal type and value. {@code distinctAttribute}: every such device has
 * the attribute and no two share a value — tracked as a multiset of all devices' values, where
 * upstream remembers one value per request (see {@link DeviceAllocator}).
 */
final class ConstraintState {
  final DeviceConstraint constraint;
  private final boolean match;
  private final String attribute;
  private final List<String> requests;
  private AttributeValue value;
  private int count;
  private final Map<AttributeValue, Integer> seen = new HashMap<>();

  ConstraintState(DeviceConstraint constraint) {
    this.constraint = constraint;
    this.match = constraint.matchAttribute().isPresent();
    this.attribute = constraint.attribute();
    this.requests = constraint.requests();
  }

  /** A listed parent request covers all its subrequests; {@code req/sub} only that subrequest. */
  boolean covers(String request, String resultName) {
    return requests.isEmpty() || requests.contains(request) || requests.contains(resultName);
  }

  boolean add(Device d, String driver) {
    AttributeValue v = lookup(d, driver, attribute);
    if (v == null) {
      return false;
    }
    if (match) {
      if (count > 0 && !v.equals(value)) {
        return false;
      }
      value = v;
      count++;
      return true;
    }
    if (seen.containsKey(v)) {
      return false;
    }
    seen.put(v, 1);
    return true;
  }

  void remove(Device d, String driver) {
    AttributeValue v = lookup(d, driver, attribute);
    if (match) {
      if (--count == 0) {
        value = null;
      }
    } else {
      seen.remove(v);
    }
  }

  String describe() {
    return (match ? "matchAttribute " : "distinctAttribute ") + attribute + (requests.isEmpty() ? " (all requests)" : " over " + requests);
  }

  /** The attribute: the exact key, else the id part when the name's domain is the driver's. */
  static AttributeValue lookup(Device d, String driver, String name) {
    AttributeValue v = d.attributes().get(name);
    if (v != null) {
      return v;
    }
    int slash = name.indexOf('/');
    if (slash > 0 && name.substring(0, slash).equals(driver)) {
      return d.attributes().get(QualifiedNames.id(name));
    }
    return null;
  }
}
