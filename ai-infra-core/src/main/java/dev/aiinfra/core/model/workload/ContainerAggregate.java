package dev.aiinfra.core.model.workload;

import dev.aiinfra.core.model.quantity.ResourceList;
import java.util.List;

/**
 * The containers' aggregate requests and limits as {@code resourcehelper.AggregateContainerRequests}
 * and {@code AggregateContainerLimits} compute them (KEP-753): the larger of the long-running sum
 * (containers plus sidecars) and the largest need during init (an init container plus the sidecars
 * started before it). A missing request defaults to the limit, as the API server stores it.
 */
public final class ContainerAggregate {
  private ContainerAggregate() {}

  public static ResourceList requests(List<ContainerSpec> initContainers, List<ContainerSpec> containers) {
    return aggregate(initContainers, containers, true, true);
  }

  /**
   * As {@link #requests}, with the containers' requests as written: a pod template is validated
   * before any defaulting (only Pods get their requests defaulted from limits).
   */
  public static ResourceList writtenRequests(List<ContainerSpec> initContainers, List<ContainerSpec> containers) {
    return aggregate(initContainers, containers, true, false);
  }

  public static ResourceList limits(List<ContainerSpec> initContainers, List<ContainerSpec> containers) {
    return aggregate(initContainers, containers, false, false);
  }

  private static ResourceList aggregate(List<ContainerSpec> initContainers, List<ContainerSpec> containers, boolean requests, boolean defaulted) {
    ResourceList sidecars = ResourceList.empty();
    ResourceList initPeak = ResourceList.empty();
    for (ContainerSpec c : initContainers) {
      ResourceList r = !requests ? c.limits() : defaulted ? defaultedRequests(c) : c.requests();
      if (c.restartPolicy().filter(p -> p == RestartPolicy.Always).isPresent()) {
        sidecars = sidecars.plus(r);
        initPeak = initPeak.max(sidecars);
      } else {
        initPeak = initPeak.max(sidecars.plus(r));
      }
    }
    ResourceList running = sidecars;
    for (ContainerSpec c : containers) {
      running = running.plus(!requests ? c.limits() : defaulted ? defaultedRequests(c) : c.requests());
    }
    return running.max(initPeak);
  }

  static ResourceList defaultedRequests(ContainerSpec c) {
    ResourceList out = c.requests();
    for (var e : c.limits().asMap().entrySet()) {
      if (!out.has(e.getKey())) {
        out = out.with(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
