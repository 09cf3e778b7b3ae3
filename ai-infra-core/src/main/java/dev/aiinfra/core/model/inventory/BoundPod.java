package dev.aiinfra.core.model.inventory;

import dev.aiinfra.core.model.node.PodAffinityTerm;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A Pod that occupies a node ({@code spec.nodeName} set, not Succeeded or Failed) with its
 * effective requests as kube-scheduler computes them (containers, init containers and sidecars,
 * pod-level resources, {@code spec.overhead}).
 */
@Value.Immutable
public abstract class BoundPod implements WithBoundPod {
  @Value.Default
  public String namespace() {
    return "default";
  }

  public abstract String name();

  /** {@code spec.nodeName}. */
  public abstract String node();

  /** Effective requests, without the pod slot. */
  public abstract ResourceList requests();

  /** The pod's labels, which other pods' inter-pod (anti-)affinity terms select. */
  public abstract Map<String, String> labels();

  /**
   * Its required pod anti-affinity terms: kube-scheduler keeps an incoming pod they select out of
   * their domain (the InterPodAffinity filter's "existing pods anti-affinity").
   */
  public abstract List<PodAffinityTerm> requiredAntiAffinity();

  /** What the pod takes from its node: its requests plus one {@code pods} slot, as kube-scheduler and Kueue count it. */
  public ResourceList usage() {
    return requests().with(ResourceList.PODS, Quantity.of(1));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link BoundPod}. */
  public static final class Builder extends ImmutableBoundPod.Builder {}
}
