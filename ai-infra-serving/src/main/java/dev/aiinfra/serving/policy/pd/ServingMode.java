package dev.aiinfra.serving.policy.pd;

/** Aggregated serving (prefill and decode in the same engine, in-flight batching) or prefill/decode disaggregation. */
public enum ServingMode {
  AGGREGATED("aggregated"),
  DISAGGREGATED("disaggregated");

  private final String id;

  ServingMode(String id) {
    this.id = id;
  }

  /** Lower-case name used in the command's JSON. */
  public String id() {
    return id;
  }
}
