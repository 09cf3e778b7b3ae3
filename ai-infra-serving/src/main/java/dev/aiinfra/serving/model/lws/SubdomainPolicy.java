package dev.aiinfra.serving.model.lws;

/** {@code spec.networkConfig.subdomainPolicy}: one headless Service for all groups, or one per group. */
public enum SubdomainPolicy {
  Shared,
  UniquePerReplica
}
