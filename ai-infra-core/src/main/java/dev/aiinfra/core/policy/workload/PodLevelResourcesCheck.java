package dev.aiinfra.core.policy.workload;

import dev.aiinfra.core.model.CoreCode;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.FeatureGate;
import dev.aiinfra.core.model.workload.PodTemplate;
import java.util.List;

/**
 * Whether the target cluster honours a template's pod-level {@code resources} (KEP-2837): with the
 * {@code PodLevelResources} gate off the API server drops the field on create
 * ({@code dropDisabledPodFields}), so the pod would run with its containers' sums alone — an error,
 * since the user's budget would silently vanish.
 */
public final class PodLevelResourcesCheck {
  private PodLevelResourcesCheck() {}

  public static List<Diagnostic> check(PodTemplate template, ClusterProfile profile, String path) {
    if (template.resources().isEmpty() || profile.isEnabled(FeatureGate.PodLevelResources)) {
      return List.of();
    }
    return List.of(Diagnostic.builder().code(CoreCode.POD_LEVEL_RESOURCES_UNAVAILABLE).path(path + ".spec.resources")
        .message("pod-level resources need feature gate PodLevelResources, off in Kubernetes " + profile.kubernetesVersion()
            + ": the API server would drop spec.resources and the pod would get only its containers' sums")
        .hint("enable PodLevelResources (on by default since 1.34), or set the resources on the containers").build());
  }
}
