package dev.aiinfra.core.model.manifest;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kinds of the CRD-backed and alpha APIs ai-infra works with, by API group, with the versions
 * served (see DOMAIN.md {@code domain/crd-facts.md}). A document in one of these groups with
 * another kind or version is a mistake worth stopping for; documents in groups not listed here are
 * taken as they are.
 */
public final class KnownKinds {
  private static final Map<String, Map<String, Set<String>>> BY_GROUP =
      Map.ofEntries(
          Map.entry("jobset.x-k8s.io", Map.of("JobSet", Set.of("v1alpha2"))),
          Map.entry("leaderworkerset.x-k8s.io", Map.of("LeaderWorkerSet", Set.of("v1"))),
          Map.entry("disaggregatedset.x-k8s.io", Map.of("DisaggregatedSet", Set.of("v1"))),
          Map.entry("agents.x-k8s.io", Map.of("Sandbox", Set.of("v1beta1", "v1alpha1"))),
          Map.entry(
              "extensions.agents.x-k8s.io",
              Map.of(
                  "SandboxTemplate", Set.of("v1beta1", "v1alpha1"),
                  "SandboxClaim", Set.of("v1beta1", "v1alpha1"),
                  "SandboxWarmPool", Set.of("v1beta1", "v1alpha1"))),
          Map.entry(
              "kueue.x-k8s.io",
              Map.ofEntries(
                  Map.entry("Topology", Set.of("v1beta2", "v1beta1")),
                  Map.entry("ResourceFlavor", Set.of("v1beta2", "v1beta1")),
                  Map.entry("ClusterQueue", Set.of("v1beta2", "v1beta1")),
                  Map.entry("LocalQueue", Set.of("v1beta2", "v1beta1")),
                  Map.entry("Workload", Set.of("v1beta2", "v1beta1")),
                  Map.entry("WorkloadPriorityClass", Set.of("v1beta2", "v1beta1")),
                  Map.entry("AdmissionCheck", Set.of("v1beta2", "v1beta1")),
                  Map.entry("Cohort", Set.of("v1beta2", "v1beta1", "v1alpha1")),
                  Map.entry("MultiKueueCluster", Set.of("v1beta2", "v1beta1")),
                  Map.entry("MultiKueueConfig", Set.of("v1beta2", "v1beta1")),
                  Map.entry("ProvisioningRequestConfig", Set.of("v1beta2", "v1beta1")))),
          Map.entry(
              "scheduling.volcano.sh", Map.of("PodGroup", Set.of("v1beta1"), "Queue", Set.of("v1beta1"))),
          Map.entry(
              "scheduling.x-k8s.io",
              Map.of("PodGroup", Set.of("v1alpha1"), "ElasticQuota", Set.of("v1alpha1"))),
          Map.entry("llmaz.io", Map.of("OpenModel", Set.of("v1alpha1"))),
          Map.entry(
              "inference.llmaz.io",
              Map.of(
                  "Playground", Set.of("v1alpha1"),
                  "Service", Set.of("v1alpha1"),
                  "BackendRuntime", Set.of("v1alpha1"))),
          Map.entry(
              "monitoring.coreos.com",
              Map.of(
                  "PodMonitor", Set.of("v1"),
                  "ServiceMonitor", Set.of("v1"),
                  "PrometheusRule", Set.of("v1"),
                  "Prometheus", Set.of("v1"),
                  "Probe", Set.of("v1"),
                  "Alertmanager", Set.of("v1"),
                  "ScrapeConfig", Set.of("v1alpha1"),
                  "PrometheusAgent", Set.of("v1alpha1"),
                  "AlertmanagerConfig", Set.of("v1alpha1", "v1beta1"),
                  "ThanosRuler", Set.of("v1"))),
          Map.entry("inference.networking.k8s.io", Map.of("InferencePool", Set.of("v1"))),
          Map.entry(
              "scheduling.k8s.io",
              Map.of(
                  "Workload", Set.of("v1alpha1", "v1alpha2", "v1beta1"),
                  "PodGroup", Set.of("v1alpha2", "v1beta1"),
                  "CompositePodGroup", Set.of("v1alpha3"),
                  "PriorityClass", Set.of("v1", "v1beta1", "v1alpha1"))));

  private KnownKinds() {}

  /** Whether ai-infra keeps a kind list for this API group. */
  public static boolean governs(String group) {
    return BY_GROUP.containsKey(group);
  }

  /** The versions served for {@code kind} in {@code group}; empty when the kind is not known there. */
  public static Optional<Set<String>> versions(String group, String kind) {
    return Optional.ofNullable(BY_GROUP.getOrDefault(group, Map.of()).get(kind));
  }

  public static Set<String> kinds(String group) {
    return BY_GROUP.getOrDefault(group, Map.of()).keySet();
  }
}
