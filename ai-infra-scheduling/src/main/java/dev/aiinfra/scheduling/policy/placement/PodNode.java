package dev.aiinfra.scheduling.policy.placement;

import org.immutables.value.Value;

/** One pod bound to one node. */
@Value.Immutable
public abstract class PodNode {
  @Value.Parameter
  public abstract String pod();

  @Value.Parameter
  public abstract String node();

  public static PodNode of(String pod, String node) {
    return ImmutablePodNode.of(pod, node);
  }
}
