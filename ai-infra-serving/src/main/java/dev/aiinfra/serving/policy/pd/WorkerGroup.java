package dev.aiinfra.serving.policy.pd;

import org.immutables.value.Value;

/** Identical engine workers of one role in a replica: how many, their tensor-parallel size and their batch. */
@Value.Immutable
public abstract class WorkerGroup {
  public abstract int workers();

  public abstract int tp();

  public abstract int batch();

  public static WorkerGroup of(int workers, int tp, int batch) {
    return ImmutableWorkerGroup.builder().workers(workers).tp(tp).batch(batch).build();
  }

  public int gpus() {
    return workers() * tp();
  }
}
