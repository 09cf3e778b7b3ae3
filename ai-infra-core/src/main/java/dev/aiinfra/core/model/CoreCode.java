package dev.aiinfra.core.model;

/**
 * The diagnostic codes of {@code ai-infra-core}: the pod DNS policies (kubelet resolv.conf, ndots)
 * and the container restart rules (KEP-5307). Each constant says what the finding means and what to
 * do about it.
 */
public enum CoreCode implements DiagnosticCode {
  /**
   * The pod asks for cluster DNS ({@code ClusterFirst}) but the kubelet has no {@code clusterDNS}: the
   * kubelet falls back to the {@code Default} policy, so cluster names do not resolve. Set
   * {@code clusterDNS} in the KubeletConfiguration ({@code --cluster-dns}).
   */
  MISSING_CLUSTER_DNS,
  /**
   * The pod takes the node's resolv.conf ({@code dnsPolicy: Default} or host network) and none was
   * given, so an empty file is assumed. Give the node's resolv.conf to see the real result.
   */
  HOST_RESOLV_CONF_UNKNOWN,
  /**
   * The kubelet trims the pod's resolv.conf (too many search domains or nameservers, a search line too
   * long) and raises a {@code DNSConfigForming} event. Shorten {@code dnsConfig} or the node's search line.
   */
  DNS_CONFIG_FORMING,
  /** The ndots advice had no lookups to weigh, so ndots stays as it is. List the names the workload resolves. */
  DNS_NO_LOOKUPS,
  /**
   * With the suggested ndots a lookup would be answered by a different name than today (a search
   * domain now wins, or no longer does). Use a higher ndots, or write the name fully qualified with a
   * trailing dot.
   */
  DNS_LOOKUP_BROKEN,
  /**
   * A container sets {@code restartPolicy} or {@code restartPolicyRules} while the
   * {@code ContainerRestartRules} feature gate is off in the target Kubernetes version: the API server
   * refuses it. Target Kubernetes 1.35+ or enable the gate.
   */
  RESTART_RULES_UNAVAILABLE,
  /**
   * A pod template sets pod-level {@code resources} (KEP-2837) but the {@code PodLevelResources}
   * feature gate is off in the target Kubernetes version: the API server would drop the field.
   * Enable the gate (on by default since 1.34) or set the resources on the containers.
   */
  POD_LEVEL_RESOURCES_UNAVAILABLE,
  /**
   * A sidecar (an init container with {@code restartPolicy: Always}) has restart rules, which need the
   * {@code RestartAllContainersOnContainerExits} feature gate. Enable the gate or drop the rules.
   */
  RESTART_RULES_ON_SIDECAR,
  /**
   * A restart rule uses the {@code RestartAllContainers} action, which needs the
   * {@code RestartAllContainersOnContainerExits} feature gate. Use {@code Restart}, or enable the gate.
   */
  RESTART_ALL_CONTAINERS_UNAVAILABLE
}
