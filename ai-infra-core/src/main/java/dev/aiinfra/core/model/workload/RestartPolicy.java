package dev.aiinfra.core.model.workload;

/** A pod's or container's {@code restartPolicy}. */
public enum RestartPolicy {
  Always,
  OnFailure,
  Never
}
