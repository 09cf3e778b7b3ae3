package dev.aiinfra.sandbox.policy.cgroup;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.QuantityField;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.core.model.workload.ContainerSpec;
import java.math.BigDecimal;
import java.util.List;

/**
 * Which of a pod's CPU and memory values the kubelet can hold: it converts each quantity and each
 * pod total to a Go {@code int64} (millicores for CPU, bytes for memory), which wraps around past
 * 2^63−1 and would write nonsense to the cgroup files. Such a pod is refused with the field of every
 * value (paths as in a pod spec: {@code containers[0].resources.limits[memory]}, {@code
 * overhead[cpu]}); sums that do not fit are reported at the pod spec itself.
 */
final class KubeletCounts {
  private static final String KUBELET = "the kubelet";
  private static final List<String> RESOURCES = List.of(ResourceList.CPU, ResourceList.MEMORY);

  private KubeletCounts() {}

  static void check(List<ContainerSpec> initContainers, List<ContainerSpec> containers, ResourceList overhead) {
    Violations v = new Violations();
    containers(initContainers, "initContainers", v);
    containers(containers, "containers", v);
    list(overhead, FieldPath.of("overhead"), v);
    if (v.isEmpty()) {
      totals(initContainers, containers, overhead, v);
    }
    v.throwIfAny();
  }

  private static void containers(List<ContainerSpec> list, String field, Violations v) {
    for (int i = 0; i < list.size(); i++) {
      FieldPath resources = FieldPath.of(field).index(i).child("resources");
      list(list.get(i).requests(), resources.child("requests"), v);
      list(list.get(i).limits(), resources.child("limits"), v);
    }
  }

  private static void list(ResourceList r, FieldPath at, Violations v) {
    for (String name : RESOURCES) {
      if (r.has(name)) {
        QuantityField.countable(name, r.get(name), at.key(name), KUBELET, v);
      }
    }
  }

  /** The pod cgroup's CPU request and limit and memory limit, overhead included, as PodCgroups sums them. */
  private static void totals(List<ContainerSpec> initContainers, List<ContainerSpec> containers, ResourceList overhead, Violations v) {
    PodTotals cpuRequests = new PodTotals();
    PodTotals cpuLimits = new PodTotals();
    PodTotals memoryLimits = new PodTotals();
    List<ContainerSpec> all = new java.util.ArrayList<>(initContainers);
    all.addAll(containers);
    for (int i = 0; i < all.size(); i++) {
      ContainerSpec c = all.get(i);
      boolean init = i < initContainers.size();
      boolean sidecar = PodTotals.sidecar(c, init);
      BigDecimal cpuLimit = PodTotals.exact(c.limits(), ResourceList.CPU);
      cpuRequests.add(c.requests().has(ResourceList.CPU) ? PodTotals.exact(c.requests(), ResourceList.CPU) : cpuLimit, init, sidecar);
      cpuLimits.add(cpuLimit, init, sidecar);
      memoryLimits.add(PodTotals.exact(c.limits(), ResourceList.MEMORY), init, sidecar);
    }
    BigDecimal cpuOverhead = PodTotals.exact(overhead, ResourceList.CPU);
    total(cpuRequests.pod().add(cpuOverhead), ResourceList.CPU, "requests", v);
    total(cpuLimits.pod().add(cpuOverhead), ResourceList.CPU, "limits", v);
    total(memoryLimits.pod().add(PodTotals.exact(overhead, ResourceList.MEMORY)), ResourceList.MEMORY, "limits", v);
  }

  private static void total(BigDecimal sum, String resource, String kind, Violations v) {
    Quantity q = Quantity.of(sum, dev.aiinfra.core.model.quantity.QuantityFormat.DECIMAL_SI);
    if (!QuantityField.fitsCount(resource, q)) {
      v.invalid(FieldPath.root(), q, "the pod's " + resource + " " + kind + " add up to more than " + KUBELET
          + " can count as a 64-bit integer (at most " + QuantityField.maxCount(resource) + ")");
    }
  }
}
