package dev.aiinfra.core.model.manifest;

import java.util.Set;

/**
 * The order a bundle is applied in, so that nothing is created before what it refers to:
 * Namespaces, then CRDs, then classes (DeviceClass, PriorityClass, RuntimeClass, Kueue flavors and
 * topologies), then access and configuration, then claims and templates, then Workload/PodGroup
 * gangs, then Services, then controllers and pods, then everything that only observes them
 * (autoscalers, monitors, routing). Objects of one rank keep the order they were added in.
 */
public enum ApplyOrder {
  NAMESPACE,
  DEFINITION,
  CLASS,
  CONFIGURATION,
  CLAIM_OR_TEMPLATE,
  GANG,
  SERVICE,
  CONTROLLER,
  OBSERVER;

  private static final Set<String> CLASS_KINDS =
      Set.of(
          "DeviceClass", "PriorityClass", "RuntimeClass", "StorageClass", "IngressClass",
          "WorkloadPriorityClass", "ResourceFlavor", "Topology", "ClusterQueue", "LocalQueue",
          "Cohort", "AdmissionCheck", "OpenModel", "BackendRuntime", "Queue", "HyperNode");
  private static final Set<String> CONFIGURATION_KINDS =
      Set.of(
          "ServiceAccount", "Secret", "ConfigMap", "Role", "ClusterRole", "RoleBinding",
          "ClusterRoleBinding", "NetworkPolicy", "ResourceQuota", "LimitRange",
          "PodDisruptionBudget", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding");
  private static final Set<String> CLAIM_KINDS =
      Set.of(
          "ResourceClaim", "ResourceClaimTemplate", "ResourceSlice", "PersistentVolume",
          "PersistentVolumeClaim", "PodTemplate", "SandboxTemplate", "DeviceTaintRule");
  private static final Set<String> GANG_KINDS = Set.of("Workload", "PodGroup", "CompositePodGroup");
  private static final Set<String> CONTROLLER_KINDS =
      Set.of(
          "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController",
          "Job", "CronJob", "JobSet", "LeaderWorkerSet", "DisaggregatedSet", "Sandbox",
          "SandboxWarmPool", "SandboxClaim", "Playground");

  /** The rank of a kind; {@code apiVersion} tells llmaz's inference {@code Service} from a core one. */
  public static ApplyOrder of(String apiVersion, String kind) {
    String group = ApiVersions.group(apiVersion);
    if (kind.equals("Namespace") && group.isEmpty()) {
      return NAMESPACE;
    }
    if (kind.equals("CustomResourceDefinition")) {
      return DEFINITION;
    }
    if (kind.equals("Service")) {
      return group.isEmpty() ? SERVICE : CONTROLLER;
    }
    if (kind.equals("Workload") && group.equals("kueue.x-k8s.io")) {
      return CONTROLLER;
    }
    if (CLASS_KINDS.contains(kind)) {
      return CLASS;
    }
    if (CONFIGURATION_KINDS.contains(kind)) {
      return CONFIGURATION;
    }
    if (CLAIM_KINDS.contains(kind)) {
      return CLAIM_OR_TEMPLATE;
    }
    if (GANG_KINDS.contains(kind)) {
      return GANG;
    }
    if (CONTROLLER_KINDS.contains(kind)) {
      return CONTROLLER;
    }
    return OBSERVER;
  }
}
