package dev.aiinfra.cli.cgroup;

import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.RestartPolicy;
import dev.aiinfra.core.render.InputError;
import dev.aiinfra.core.render.ManifestReadException;
import dev.aiinfra.core.render.SourcedObject;
import dev.aiinfra.sandbox.policy.cgroup.CgroupPod;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Pod's init containers, containers and RuntimeClass overhead as the library's ContainerSpecs, with every bad quantity reported. */
final class PodContainers {
  private PodContainers() {}

  static CgroupPod of(SourcedObject source) {
    return of(source, (Pod) source.object());
  }

  /** Init containers (a {@code restartPolicy: Always} one is a sidecar) and containers, with every bad quantity reported. */
  static CgroupPod of(SourcedObject source, Pod pod) {
    List<InputError> errors = new ArrayList<>();
    List<Container> list = pod.getSpec() == null || pod.getSpec().getContainers() == null ? List.of() : pod.getSpec().getContainers();
    List<Container> init = pod.getSpec() == null || pod.getSpec().getInitContainers() == null ? List.of() : pod.getSpec().getInitContainers();
    if (list.isEmpty()) {
      errors.add(source.error("spec.containers", "a Pod needs at least one container"));
    }
    List<ContainerSpec> initSpecs = read(source, init, "spec.initContainers", errors);
    List<ContainerSpec> specs = read(source, list, "spec.containers", errors);
    Map<String, String> overhead = new LinkedHashMap<>();
    if (pod.getSpec() != null && pod.getSpec().getOverhead() != null) {
      pod.getSpec().getOverhead().forEach((k, v) -> overhead.put(k, v.toString()));
    }
    for (Map.Entry<String, String> e : overhead.entrySet()) {
      check(source, errors, "spec.overhead." + e.getKey(), e.getValue());
    }
    if (!errors.isEmpty()) {
      throw new ManifestReadException(errors);
    }
    return new CgroupPod(initSpecs, specs, ResourceList.parse(overhead));
  }

  private static List<ContainerSpec> read(SourcedObject source, List<Container> list, String field, List<InputError> errors) {
    List<ContainerSpec> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Container c = list.get(i);
      Map<String, String> requests = new LinkedHashMap<>();
      Map<String, String> limits = new LinkedHashMap<>();
      if (c.getResources() != null) {
        if (c.getResources().getRequests() != null) {
          c.getResources().getRequests().forEach((k, v) -> requests.put(k, v.toString()));
        }
        if (c.getResources().getLimits() != null) {
          c.getResources().getLimits().forEach((k, v) -> limits.put(k, v.toString()));
        }
      }
      int before = errors.size();
      for (Map.Entry<String, String> e : requests.entrySet()) {
        check(source, errors, field + "[" + i + "].resources.requests." + e.getKey(), e.getValue());
      }
      for (Map.Entry<String, String> e : limits.entrySet()) {
        check(source, errors, field + "[" + i + "].resources.limits." + e.getKey(), e.getValue());
      }
      if (errors.size() == before) {
        ContainerSpec.Builder b = ContainerSpec.builder().name(c.getName() == null ? "container-" + i : c.getName())
            .image(c.getImage() == null || c.getImage().isBlank() ? "unspecified" : c.getImage())
            .requests(ResourceList.parse(requests)).limits(ResourceList.parse(limits));
        if ("Always".equals(c.getRestartPolicy())) {
          b.restartPolicy(RestartPolicy.Always);
        }
        out.add(b.build());
      }
    }
    return out;
  }

  private static void check(SourcedObject source, List<InputError> errors, String field, String value) {
    if (!Quantity.isValid(value)) {
      errors.add(source.error(field, "not a quantity: " + value));
    } else if (Quantity.parse(value).signum() < 0) {
      errors.add(source.error(field, "must not be negative"));
    }
  }

}
