package dev.aiinfra.scheduling.model.kueue;

import org.immutables.value.Value;

/**
 * A Kueue {@code WorkloadPriorityClass}: a priority for queueing and preemption that, unlike a pod
 * PriorityClass, does not change the pods' scheduling priority. Workloads name it in {@code
 * kueue.x-k8s.io/priority-class}.
 */
@Value.Immutable
public abstract class WorkloadPriorityClass implements WithWorkloadPriorityClass {
  public abstract String name();

  /** Higher is more important; an int32. */
  public abstract int value();

  @Value.Default
  public String description() {
    return "";
  }

  public static Builder builder() {
    return new Builder();
  }

  public static WorkloadPriorityClass of(String name, int value) {
    return builder().name(name).value(value).build();
  }

  /** Builder for {@link WorkloadPriorityClass}. */
  public static final class Builder extends ImmutableWorkloadPriorityClass.Builder {}
}
