package dev.aiinfra.serving.policy.pd;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One deployment the planner evaluated: {@code replicas} copies of either one aggregated worker
 * or an xPyD group (x prefill workers feeding y decode workers), with its latencies and
 * throughput. {@link #tokensPerSecondPerGpu()} counts every GPU of the budget, idle ones
 * included (AIConfigurator's {@code tokens/s/gpu_cluster}).
 */
@Value.Immutable
public abstract class ServingConfiguration {
  public abstract ServingMode mode();

  public abstract int replicas();

  /** Prefill workers of a replica; absent when aggregated. */
  public abstract Optional<WorkerGroup> prefill();

  /** Decode workers of a replica (the aggregated workers when aggregated). */
  public abstract WorkerGroup decode();

  /** GPUs in use: replicas × GPUs per replica. */
  public abstract int gpus();

  public abstract double ttftMs();

  public abstract double tpotMs();

  public abstract double requestLatencyMs();

  /** Output tokens per second per GPU of the budget. */
  public abstract double tokensPerSecondPerGpu();

  /** Output tokens per second per GPU in use. */
  public abstract double tokensPerSecondPerUsedGpu();

  public abstract double tokensPerSecondPerUser();

  /** Requests in flight across all replicas. */
  public abstract int concurrency();

  /** KV-cache transfer from prefill to decode included in TTFT; 0 when aggregated. */
  public abstract double kvTransferMs();

  public static Builder builder() {
    return new Builder();
  }

  public int gpusPerReplica() {
    return prefill().map(WorkerGroup::gpus).orElse(0) + decode().gpus();
  }

  /** AIConfigurator's notation, e.g. {@code 4x(2P TP2 + 1D TP4 bs68)} or {@code 8x(TP4 bs16)}. */
  public String label() {
    if (prefill().isEmpty()) {
      return replicas() + "x(TP" + decode().tp() + " bs" + decode().batch() + ")";
    }
    WorkerGroup p = prefill().get();
    return replicas() + "x(" + p.workers() + "P TP" + p.tp() + " + " + decode().workers() + "D TP" + decode().tp() + " bs" + decode().batch() + ")";
  }

  /** Builder for {@link ServingConfiguration}. */
  public static final class Builder extends ImmutableServingConfiguration.Builder {}
}
