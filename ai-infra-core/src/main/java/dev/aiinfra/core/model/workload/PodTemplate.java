package dev.aiinfra.core.model.workload;

import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.node.Toleration;
import dev.aiinfra.core.model.validation.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A pod template ({@code PodTemplateSpec}): labels, annotations, init containers (a container with
 * {@code restartPolicy: Always} is a sidecar), containers, the pod's restart policy, node selection,
 * tolerations, pod-level resources, and raw extra pod-spec fields.
 */
@Value.Immutable
public abstract class PodTemplate implements WithPodTemplate {
  public abstract Map<String, String> labels();

  public abstract Map<String, String> annotations();

  public abstract List<ContainerSpec> initContainers();

  public abstract List<ContainerSpec> containers();

  public abstract Optional<RestartPolicy> restartPolicy();

  public abstract Map<String, String> nodeSelector();

  public abstract List<Toleration> tolerations();

  public abstract Optional<String> schedulerName();

  public abstract Optional<String> priorityClassName();

  /** {@code spec.resourceClaims} (DRA). */
  public abstract List<PodResourceClaim> resourceClaims();

  /**
   * Pod-level {@code spec.resources} (KEP-2837, gate {@code PodLevelResources}, on by default since
   * 1.34): a CPU, memory and hugepages budget the containers share.
   */
  public abstract Optional<PodLevelResources> resources();

  /** Pod-level resources as API defaulting stores them (see {@link PodLevelResources#defaulted}). */
  public Optional<PodLevelResources> effectiveResources() {
    return resources().map(r -> r.defaulted(initContainers(), containers()));
  }

  /** Raw pod-spec fields (volumes, affinity, securityContext, ...). */
  public abstract Map<String, Object> extraFields();

  public static Builder builder() {
    return new Builder();
  }

  /** Every container, init containers first. */
  public List<ContainerSpec> allContainers() {
    List<ContainerSpec> all = new java.util.ArrayList<>(initContainers());
    all.addAll(containers());
    return all;
  }

  @Value.Check
  protected void check() {
    Violations v = new Violations();
    Set<String> claimNames = new HashSet<>();
    for (int i = 0; i < resourceClaims().size(); i++) {
      if (!claimNames.add(resourceClaims().get(i).name())) {
        v.duplicate(FieldPath.of("spec.resourceClaims").index(i).child("name"), resourceClaims().get(i).name());
      }
    }
    for (ContainerSpec c : allContainers()) {
      for (int i = 0; i < c.claims().size(); i++) {
        if (!claimNames.contains(c.claims().get(i).name())) {
          v.invalid(FieldPath.of("spec.containers[" + c.name() + "].resources.claims").index(i).child("name"), c.claims().get(i).name(),
              "must be the name of one entry in pod.spec.resourceClaims");
        }
      }
    }
    if (containers().isEmpty()) {
      v.required(FieldPath.of("spec.containers"), "must have at least one container");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < initContainers().size(); i++) {
      ContainerSpec c = initContainers().get(i);
      if (!names.add(c.name())) {
        v.duplicate(FieldPath.of("spec.initContainers").index(i).child("name"), c.name());
      }
      if (c.restartPolicy().isPresent() && c.restartPolicy().get() != RestartPolicy.Always) {
        v.notSupported(FieldPath.of("spec.initContainers").index(i).child("restartPolicy"), c.restartPolicy().get(), List.of("Always"));
      }
    }
    for (int i = 0; i < containers().size(); i++) {
      if (!names.add(containers().get(i).name())) {
        v.duplicate(FieldPath.of("spec.containers").index(i).child("name"), containers().get(i).name());
      }
    }
    effectiveResources().ifPresent(r -> r.check(initContainers(), containers(), FieldPath.of("spec.resources"), v));
    v.throwIfAny();
  }

  /** Builder for {@link PodTemplate}. */
  public static final class Builder extends ImmutablePodTemplate.Builder {}
}
