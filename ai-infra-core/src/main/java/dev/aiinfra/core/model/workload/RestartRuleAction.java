package dev.aiinfra.core.model.workload;

/**
 * What a container restart rule does: restart the container in place (KEP-5307), or restart every
 * container of the pod in place, re-running init containers, keeping the sandbox, IP, devices and
 * volumes (KEP-5532, gate RestartAllContainersOnContainerExits).
 */
public enum RestartRuleAction {
  Restart,
  RestartAllContainers
}
