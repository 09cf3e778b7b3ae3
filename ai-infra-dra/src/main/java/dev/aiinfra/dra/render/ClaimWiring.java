package dev.aiinfra.dra.render;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.workload.ContainerClaim;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodResourceClaim;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.dra.model.DeviceRequest;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Wires a claim into a pod template: a {@code spec.resourceClaims} entry (from a template, one
 * claim per pod; or a shared, existing claim) plus {@code resources.claims} on the containers that
 * use it. Works on the library's {@link PodTemplate}, so every renderer that embeds pod templates
 * (Pod, JobSet, LeaderWorkerSet, ...) carries the wiring.
 */
public final class ClaimWiring {
  private ClaimWiring() {}

  /** Gives every container (not init containers) all requests of {@code claim}. */
  public static PodTemplate attach(PodTemplate pod, String entry, ResourceClaimSpec claim) {
    Map<String, List<String>> all = new java.util.LinkedHashMap<>();
    pod.containers().forEach(c -> all.put(c.name(), List.of()));
    return attach(pod, entry, claim, all);
  }

  /**
   * Gives each named container the listed requests of {@code claim} (an empty list: the whole
   * claim). Unknown containers or requests are reported together.
   */
  public static PodTemplate attach(PodTemplate pod, String entry, ResourceClaimSpec claim, Map<String, List<String>> requestsByContainer) {
    List<FieldViolation> bad = new ArrayList<>();
    Set<String> containers = pod.allContainers().stream().map(ContainerSpec::name).collect(Collectors.toSet());
    Set<String> requests = claim.devices().requests().stream().map(DeviceRequest::name).collect(Collectors.toSet());
    requestsByContainer.forEach((container, reqs) -> {
      if (!containers.contains(container)) {
        bad.add(FieldViolation.invalid(FieldPath.of("spec.containers"), container, "no container of this name in the pod template"));
      }
      for (String r : reqs) {
        if (!requests.contains(r)) {
          bad.add(FieldViolation.invalid(FieldPath.of("spec.containers[" + container + "].resources.claims"), r,
              "claim " + claim.name() + " has no request of this name; it has " + requests));
        }
      }
    });
    if (!bad.isEmpty()) {
      throw new InvalidSpecException(bad);
    }
    PodResourceClaim rc = claim.template() ? PodResourceClaim.fromTemplate(entry, claim.name()) : PodResourceClaim.ofClaim(entry, claim.name());
    return pod.withResourceClaims(concat(pod.resourceClaims(), rc))
        .withInitContainers(wire(pod.initContainers(), entry, requestsByContainer))
        .withContainers(wire(pod.containers(), entry, requestsByContainer));
  }

  private static List<ContainerSpec> wire(List<ContainerSpec> list, String entry, Map<String, List<String>> requestsByContainer) {
    List<ContainerSpec> out = new ArrayList<>();
    for (ContainerSpec c : list) {
      List<String> reqs = requestsByContainer.get(c.name());
      if (reqs == null) {
        out.add(c);
        continue;
      }
      List<ContainerClaim> claims = new ArrayList<>(c.claims());
      if (reqs.isEmpty()) {
        claims.add(ContainerClaim.of(entry));
      } else {
        reqs.forEach(r -> claims.add(ContainerClaim.of(entry, r)));
      }
      out.add(c.withClaims(claims));
    }
    return out;
  }

  private static <T> List<T> concat(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }
}
