package dev.aiinfra.scheduling.model;

import dev.aiinfra.core.model.node.PodAffinityTerm;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What kube-scheduler's InterPodAffinity filter needs of one pending pod: its labels (which other
 * pods' terms select) and its required pod affinity and anti-affinity terms. JobSet and
 * LeaderWorkerSet exclusive placement arrive here as the terms their pod webhooks add.
 */
@Value.Immutable
public abstract class InterPodRules implements WithInterPodRules {
  public abstract Map<String, String> labels();

  public abstract List<PodAffinityTerm> requiredAffinity();

  public abstract List<PodAffinityTerm> requiredAntiAffinity();

  public static Builder builder() {
    return new Builder();
  }

  /** A pod with no labels and no terms. */
  public static InterPodRules none() {
    return builder().build();
  }

  /** Whether the pod carries any required inter-pod term. */
  public boolean hasTerms() {
    return !requiredAffinity().isEmpty() || !requiredAntiAffinity().isEmpty();
  }

  /** Builder for {@link InterPodRules}. */
  public static final class Builder extends ImmutableInterPodRules.Builder {}
}
