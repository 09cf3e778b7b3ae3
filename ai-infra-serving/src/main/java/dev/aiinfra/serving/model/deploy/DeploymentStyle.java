package dev.aiinfra.serving.model.deploy;

/** Which controllers run the deployment. */
public enum DeploymentStyle {
  /** llm-d style: one LeaderWorkerSet per role plus an InferencePool over all of them. */
  LWS("lws"),
  /** One {@code disaggregatedset.x-k8s.io/v1} DisaggregatedSet with a role per phase, plus an InferencePool. */
  DISAGGREGATED_SET("disaggregatedset"),
  /** llmaz: an OpenModel and a Playground per role. */
  LLMAZ("llmaz");

  private final String id;

  DeploymentStyle(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static java.util.Optional<DeploymentStyle> byId(String id) {
    for (DeploymentStyle s : values()) {
      if (s.id.equalsIgnoreCase(id)) {
        return java.util.Optional.of(s);
      }
    }
    return java.util.Optional.empty();
  }
}
