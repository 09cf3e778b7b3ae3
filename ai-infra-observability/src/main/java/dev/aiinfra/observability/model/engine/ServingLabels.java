package dev.aiinfra.observability.model.engine;

import dev.aiinfra.observability.model.workload.TargetLabels;

/**
 * The label names serving rules and scaler queries select and group by: the target labels the
 * monitors' relabelings write from the pods' labels, and the labels the SDK's recording rules add.
 */
public final class ServingLabels {
  /** Target label carrying the owning workload's name (a LeaderWorkerSet, Deployment, … name). */
  public static final String WORKLOAD = TargetLabels.WORKLOAD;
  /** Target label carrying the role: a DisaggregatedSet's {@code prefill}/{@code decode}, a LeaderWorkerSet's {@code leader}/{@code worker}. */
  public static final String ROLE = TargetLabels.ROLE;
  /** Label of every series a deployment's recording rules write: the deployment's name. */
  public static final String SERVING = "serving";
  /** Label naming the SLI of an error-ratio series: {@code ttft}, {@code itl}, {@code request_latency}. */
  public static final String SLO = "slo";

  private ServingLabels() {}
}
