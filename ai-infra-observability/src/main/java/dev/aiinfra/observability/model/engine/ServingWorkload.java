package dev.aiinfra.observability.model.engine;

import java.util.Optional;

/**
 * A workload whose pods run an LLM-serving engine, as read from a manifest: where it is, which
 * deployment it belongs to (the {@code llm-d.ai/model} or {@code app.kubernetes.io/name} pod label),
 * its serving role ({@code llm-d.ai/role}: {@code prefill}, {@code decode} or {@code both}; the
 * roles of a DisaggregatedSet), the engine its container runs, and its current replicas.
 *
 * @param apiVersion the workload's apiVersion
 * @param kind the workload's kind
 * @param name the workload's name (its {@code workload} target label)
 * @param namespace the workload's namespace
 * @param deployment the serving deployment it is part of
 * @param role {@code prefill}, {@code decode} or {@code both}; {@code disaggregated} for a DisaggregatedSet holding both
 * @param engine the engine, when the container's command names one
 * @param replicas {@code spec.replicas} (LWS groups), 1 when absent
 */
public record ServingWorkload(String apiVersion, String kind, String name, String namespace, String deployment, String role,
    Optional<ServingEngine> engine, int replicas) {
  /** Role of a DisaggregatedSet, which holds prefill and decode in one workload. */
  public static final String DISAGGREGATED = "disaggregated";

  /** Whether the client's requests (and so its latency) reach this workload's engines. */
  public boolean clientFacing() {
    return role.equals("decode") || role.equals("both") || role.equals(DISAGGREGATED);
  }
}
