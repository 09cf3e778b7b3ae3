package dev.aiinfra.sandbox.policy.cgroup;

import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodLevelResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pod as the cgroup computations read it: init containers (sidecars included), regular
 * containers, and the pod overhead its RuntimeClass adds ({@code spec.overhead}, KEP-688), which the
 * kubelet adds to the pod cgroup's request and to every limit the containers declare. A pod whose
 * CPU or memory values (or their pod totals) the kubelet's 64-bit arithmetic cannot hold is refused
 * with an {@link dev.aiinfra.core.model.InvalidSpecException} naming each field as in a pod spec.
 * Pod-level {@code spec.resources} (KEP-2837), as written, are defaulted and honoured by
 * {@link PodCgroups} when the {@code PodLevelResources} gate is on.
 */
public record CgroupPod(List<ContainerSpec> initContainers, List<ContainerSpec> containers, ResourceList overhead,
    Optional<PodLevelResources> resources) {
  public CgroupPod {
    initContainers = List.copyOf(initContainers);
    containers = List.copyOf(containers);
    java.util.Objects.requireNonNull(overhead, "overhead");
    java.util.Objects.requireNonNull(resources, "resources");
    KubeletCounts.check(initContainers, containers, overhead);
  }

  public CgroupPod(List<ContainerSpec> initContainers, List<ContainerSpec> containers, ResourceList overhead) {
    this(initContainers, containers, overhead, Optional.empty());
  }

  public CgroupPod(List<ContainerSpec> initContainers, List<ContainerSpec> containers) {
    this(initContainers, containers, ResourceList.empty());
  }

  public static CgroupPod of(List<ContainerSpec> containers) {
    return new CgroupPod(List.of(), containers);
  }

  /** The same pod with pod-level resources. */
  public CgroupPod withResources(PodLevelResources podResources) {
    return new CgroupPod(initContainers, containers, overhead, Optional.of(podResources));
  }

  /** Init containers first, as the kubelet lists them. */
  public List<ContainerSpec> all() {
    List<ContainerSpec> all = new ArrayList<>(initContainers);
    all.addAll(containers);
    return all;
  }
}
