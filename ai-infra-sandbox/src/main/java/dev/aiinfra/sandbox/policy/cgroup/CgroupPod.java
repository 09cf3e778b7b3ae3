package dev.aiinfra.sandbox.policy.cgroup;

import dev.aiinfra.core.model.workload.ContainerSpec;
import java.util.ArrayList;
import java.util.List;

/** A pod's containers as the cgroup computations read them: init containers (sidecars included) and regular ones. */
public record CgroupPod(List<ContainerSpec> initContainers, List<ContainerSpec> containers) {
  public CgroupPod {
    initContainers = List.copyOf(initContainers);
    containers = List.copyOf(containers);
  }

  public static CgroupPod of(List<ContainerSpec> containers) {
    return new CgroupPod(List.of(), containers);
  }

  /** Init containers first, as the kubelet lists them. */
  public List<ContainerSpec> all() {
    List<ContainerSpec> all = new ArrayList<>(initContainers);
    all.addAll(containers);
    return all;
  }
}
