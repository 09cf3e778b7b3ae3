package dev.aiinfra.observability.model.autoscale;

import java.util.Optional;

/**
 * The workload an autoscaler resizes through its {@code /scale} subresource, and the serving role
 * its pods play. A LeaderWorkerSet's scale subresource counts groups ({@code .spec.replicas}) and
 * selects leader pods ({@code .status.hpaPodSelector}), so scaling it adds or removes whole engine
 * instances. JobSet, DisaggregatedSet and InferencePool have no scale subresource.
 *
 * @param apiVersion e.g. {@code leaderworkerset.x-k8s.io/v1}
 * @param kind e.g. {@code LeaderWorkerSet}
 * @param name the workload's name (also its {@code workload} target label)
 * @param namespace the workload's namespace
 * @param role the pods' serving role ({@code prefill}, {@code decode}, {@code both}), if known
 */
public record ScaleTarget(String apiVersion, String kind, String name, String namespace, Optional<String> role) {
  public static ScaleTarget leaderWorkerSet(String name, String namespace, String role) {
    return new ScaleTarget("leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet", name, namespace, Optional.of(role));
  }

  public static ScaleTarget deployment(String name, String namespace) {
    return new ScaleTarget("apps/v1", "Deployment", name, namespace, Optional.empty());
  }

  /** Whether the kind has a {@code /scale} subresource an HPA (and so KEDA) can drive. */
  public boolean scalable() {
    switch (kind) {
      case "Deployment":
      case "StatefulSet":
      case "ReplicaSet":
      case "LeaderWorkerSet":
        return true;
      default:
        return false;
    }
  }
}
