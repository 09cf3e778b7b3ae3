package dev.aiinfra.dra.render;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.dra.model.CelSelector;
import dev.aiinfra.dra.model.DeviceClaim;
import dev.aiinfra.dra.model.DeviceClassSpec;
import dev.aiinfra.dra.model.DeviceRequest;
import dev.aiinfra.dra.model.DeviceSelection;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Moves a pod template from device-plugin requests ({@code nvidia.com/gpu: 8}) to DRA: one
 * ResourceClaimTemplate per container that asked for the resource (count = the quantity), the
 * container's {@code resources.claims} instead of the extended resource, and a DeviceClass whose
 * {@code extendedResourceName} is the old resource name (DRAExtendedResource), so pods not yet
 * migrated keep being scheduled onto DRA-managed nodes by the same class.
 */
public final class ExtendedResourceMigration {
  private ExtendedResourceMigration() {}

  /** What the migration produced. */
  public record Result(DeviceClassSpec deviceClass, List<ResourceClaimSpec> templates, PodTemplate podTemplate) {}

  public static Result migrate(PodTemplate pod, String resourceName, String className, String driver) {
    DeviceClassSpec cls = DeviceClassSpec.builder().name(className)
        .addSelector(CelSelector.driver(driver))
        .extendedResourceName(resourceName)
        .build();
    List<ResourceClaimSpec> templates = new ArrayList<>();
    List<FieldViolation> bad = new ArrayList<>();
    PodTemplate out = pod;
    for (ContainerSpec c : pod.allContainers()) {
      Quantity q = c.requests().has(resourceName) ? c.requests().get(resourceName) : c.limits().has(resourceName) ? c.limits().get(resourceName) : null;
      if (q == null) {
        continue;
      }
      if (!q.isInteger() || q.signum() <= 0 || !q.hasLongValue()) {
        bad.add(FieldViolation.invalid(FieldPath.of("spec.containers[" + c.name() + "].resources.requests").key(resourceName), q.toString(),
            "an extended resource is a whole, positive number of devices, at most " + Long.MAX_VALUE));
        continue;
      }
      String entry = c.name() + "-" + className;
      ResourceClaimSpec template = ResourceClaimSpec.builder().name(entry).template(true)
          .devices(DeviceClaim.builder().addRequests(DeviceRequest.exactly(className, DeviceSelection.of(className, q.longValue()))).build())
          .build();
      templates.add(template);
      ContainerSpec stripped = c.withRequests(without(c.requests(), resourceName)).withLimits(without(c.limits(), resourceName));
      out = replace(out, stripped);
      out = ClaimWiring.attach(out, entry, template, Map.of(c.name(), List.of()));
    }
    if (!bad.isEmpty()) {
      throw new InvalidSpecException(bad);
    }
    return new Result(cls, templates, out);
  }

  private static ResourceList without(ResourceList list, String name) {
    Map<String, Quantity> m = new TreeMap<>(list.asMap());
    m.remove(name);
    return ResourceList.of(m);
  }

  private static PodTemplate replace(PodTemplate pod, ContainerSpec c) {
    return pod.withInitContainers(pod.initContainers().stream().map(x -> x.name().equals(c.name()) ? c : x).toList())
        .withContainers(pod.containers().stream().map(x -> x.name().equals(c.name()) ? c : x).toList());
  }
}
