package dev.aiinfra.serving.model.lws;

/** {@code spec.startupPolicy}: when the worker StatefulSet of a group is created. */
public enum StartupPolicy {
  /** Right after the leader pod is created (the default). */
  LeaderCreated,
  /** After the leader pod is Ready. */
  LeaderReady
}
