package dev.aiinfra.observability.policy;

/**
 * One line of a plan's "what and why": the object kind and name generated, the workload it is for
 * (empty for cluster-wide objects) and why it was generated.
 */
public record PlanEntry(String kind, String name, String workload, String why) {}
