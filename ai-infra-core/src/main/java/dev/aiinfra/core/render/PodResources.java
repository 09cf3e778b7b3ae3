package dev.aiinfra.core.render;

import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pod's effective resource requests as kube-scheduler computes them ({@code
 * resourcehelper.PodRequests}): the sum of regular containers plus restartable init containers
 * (sidecars, KEP-753), or the largest need during init (each init container plus the sidecars
 * started before it), whichever is larger, plus {@code spec.overhead}. A container with limits but
 * no requests is defaulted to its limits, as the API server does.
 */
public final class PodResources {
  private PodResources() {}

  public static ResourceList effectiveRequests(PodSpec spec) {
    ResourceList sidecars = ResourceList.empty();
    ResourceList initPeak = ResourceList.empty();
    if (spec.getInitContainers() != null) {
      for (Container c : spec.getInitContainers()) {
        ResourceList r = requests(c);
        if ("Always".equals(c.getRestartPolicy())) {
          sidecars = sidecars.plus(r);
          initPeak = initPeak.max(sidecars);
        } else {
          initPeak = initPeak.max(sidecars.plus(r));
        }
      }
    }
    ResourceList regular = sidecars;
    if (spec.getContainers() != null) {
      for (Container c : spec.getContainers()) {
        regular = regular.plus(requests(c));
      }
    }
    ResourceList total = regular.max(initPeak);
    if (spec.getOverhead() != null) {
      total = total.plus(parse(spec.getOverhead()));
    }
    return total;
  }

  /** A container's requests, defaulted from limits where a request is missing. */
  public static ResourceList requests(Container c) {
    Map<String, io.fabric8.kubernetes.api.model.Quantity> req =
        c.getResources() == null || c.getResources().getRequests() == null ? Map.of() : c.getResources().getRequests();
    Map<String, io.fabric8.kubernetes.api.model.Quantity> lim =
        c.getResources() == null || c.getResources().getLimits() == null ? Map.of() : c.getResources().getLimits();
    TreeMap<String, io.fabric8.kubernetes.api.model.Quantity> merged = new TreeMap<>(lim);
    merged.putAll(req);
    return parse(merged);
  }

  static ResourceList parse(Map<String, io.fabric8.kubernetes.api.model.Quantity> values) {
    TreeMap<String, Quantity> out = new TreeMap<>();
    values.forEach((name, q) -> out.put(name, Quantity.parse(q.toString())));
    return ResourceList.of(out);
  }
}
