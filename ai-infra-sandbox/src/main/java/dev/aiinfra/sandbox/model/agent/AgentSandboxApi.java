package dev.aiinfra.sandbox.model.agent;

/**
 * The Agent Sandbox API version to render. {@code v1beta1} is the storage version;
 * {@code v1alpha1} is still served (deprecated, converted by webhook) for clusters on older releases.
 */
public enum AgentSandboxApi {
  V1BETA1("v1beta1"),
  V1ALPHA1("v1alpha1");

  public static final String CORE_GROUP = "agents.x-k8s.io";
  public static final String EXTENSIONS_GROUP = "extensions.agents.x-k8s.io";

  private final String version;

  AgentSandboxApi(String version) {
    this.version = version;
  }

  public String version() {
    return version;
  }

  /** {@code agents.x-k8s.io/<version>}: Sandbox. */
  public String coreApiVersion() {
    return CORE_GROUP + "/" + version;
  }

  /** {@code extensions.agents.x-k8s.io/<version>}: SandboxTemplate, SandboxClaim, SandboxWarmPool. */
  public String extensionsApiVersion() {
    return EXTENSIONS_GROUP + "/" + version;
  }
}
