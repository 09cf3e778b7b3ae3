package dev.aiinfra.sandbox.read;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.validation.Violations;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodLevelResources;
import dev.aiinfra.core.model.workload.RestartPolicy;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.render.ResourceFields;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.sandbox.policy.cgroup.CgroupPod;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Pods for the cgroup v2 computations ({@code PodCgroups}, {@code QosCgroups}): a Pod's init
 * containers, containers, RuntimeClass overhead and pod-level {@code spec.resources} (KEP-2837) as
 * the library's values.
 * Quantities are read by the same rule as {@code validate} ({@code ResourceFields}); every problem
 * (a {@code null} container, a malformed or negative quantity, a value the kubelet cannot count) is
 * reported at once with its field path.
 */
public final class CgroupPodReader {
  private static final FieldPath SPEC = FieldPath.of("spec");

  private CgroupPodReader() {}

  /** The Pods of the input, in input order; other kinds are not read by the cgroup commands. */
  public static List<SourcedObject> podsIn(List<SourcedObject> objects) {
    return objects.stream().filter(o -> o.object() instanceof Pod).toList();
  }

  /** Every Pod of the input, read; the first Pod with problems is refused with all of them. */
  public static List<CgroupPod> readPods(List<SourcedObject> objects) {
    return podsIn(objects).stream().map(CgroupPodReader::read).toList();
  }

  /** One Pod (a {@code kind: Pod} object), every problem reported at its field. */
  public static CgroupPod read(SourcedObject source) {
    return of(source, (Pod) source.object());
  }

  /** Init containers (a {@code restartPolicy: Always} one is a sidecar) and containers, with every problem reported. */
  private static CgroupPod of(SourcedObject source, Pod pod) {
    Violations v = new Violations();
    PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
    List<Container> list = spec.getContainers() == null ? List.of() : spec.getContainers();
    List<Container> init = spec.getInitContainers() == null ? List.of() : spec.getInitContainers();
    if (list.isEmpty()) {
      v.required(SPEC.child("containers"), "a Pod needs at least one container");
    }
    List<ContainerSpec> initSpecs = read(init, SPEC.child("initContainers"), v);
    List<ContainerSpec> specs = read(list, SPEC.child("containers"), v);
    ResourceList overhead = ResourceFields.read(spec.getOverhead(), SPEC.child("overhead"), v);
    Optional<PodLevelResources> podLevel = Optional.ofNullable(spec.getResources()).map(r -> PodLevelResources.of(
        ResourceFields.read(r.getRequests(), SPEC.child("resources").child("requests"), v),
        ResourceFields.read(r.getLimits(), SPEC.child("resources").child("limits"), v)));
    if (v.isEmpty()) {
      // the API server refuses pod-level values its containers overrun (validatePodResourceConsistency)
      podLevel.ifPresent(r -> r.defaulted(initSpecs, specs).check(initSpecs, specs, SPEC.child("resources"), v));
    }
    if (v.isEmpty()) {
      try {
        return new CgroupPod(initSpecs, specs, overhead, podLevel);
      } catch (InvalidSpecException e) {
        e.violations().forEach(x -> v.add(x.under(SPEC)));
      }
    }
    throw new ManifestReadException(v.list().stream().map(x -> source.error(x.field(), x.message())).toList());
  }

  private static List<ContainerSpec> read(List<Container> list, FieldPath field, Violations v) {
    List<ContainerSpec> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Container c = list.get(i);
      FieldPath at = field.index(i);
      if (c == null) {
        v.required(at, "a container cannot be null (the API server reads it as an empty container, without the name and image it requires)");
        continue;
      }
      FieldPath resources = at.child("resources");
      ResourceList requests = c.getResources() == null ? ResourceList.empty()
          : ResourceFields.read(c.getResources().getRequests(), resources.child("requests"), v);
      ResourceList limits = c.getResources() == null ? ResourceList.empty()
          : ResourceFields.read(c.getResources().getLimits(), resources.child("limits"), v);
      ContainerSpec.Builder b = ContainerSpec.builder().name(c.getName() == null ? "container-" + i : c.getName())
          .image(c.getImage() == null || c.getImage().isBlank() ? "unspecified" : c.getImage())
          .requests(requests).limits(limits);
      if ("Always".equals(c.getRestartPolicy())) {
        b.restartPolicy(RestartPolicy.Always);
      }
      try {
        out.add(b.build());
      } catch (InvalidSpecException e) {
        for (FieldViolation x : e.violations()) {
          v.add(x.under(at));
        }
      }
    }
    return out;
  }
}
