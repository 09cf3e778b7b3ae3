package dev.aiinfra.serving.model.lws;

/** {@code leaderWorkerTemplate.restartPolicy}: what a failed pod does to its group. */
public enum LwsRestartPolicy {
  /** Recreate the whole group when any pod is recreated or any container restarts (the default). */
  RecreateGroupOnPodRestart,
  /** The same, but only once no pod of the group is Pending. */
  RecreateGroupAfterStart,
  /** Restart only the failed pod, like a StatefulSet. */
  None
}
