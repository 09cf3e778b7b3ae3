package dev.aiinfra.serving.policy.autoscale;

import org.immutables.value.Value;

/** What the autoscaler did at one sample: the replica count it set, the fleet's state after it, and why. */
@Value.Immutable
public abstract class ScalingDecision {
  public abstract double timeSeconds();

  /** Replicas before this decision (ready + starting). */
  public abstract int previousReplicas();

  /** Replicas set by this decision (ready + starting). */
  public abstract int replicas();

  /** Replicas serving at this time. */
  public abstract int ready();

  /** Replicas created and not yet serving. */
  public abstract int starting();

  public abstract ScalingReason reason();

  public abstract String message();

  public static ImmutableScalingDecision.Builder builder() {
    return ImmutableScalingDecision.builder();
  }

  public boolean scaledUp() {
    return replicas() > previousReplicas();
  }

  public boolean scaledDown() {
    return replicas() < previousReplicas();
  }
}
