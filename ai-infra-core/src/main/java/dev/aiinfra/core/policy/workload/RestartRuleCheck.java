package dev.aiinfra.core.policy.workload;

import dev.aiinfra.core.model.CoreCode;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.FeatureGate;
import dev.aiinfra.core.model.workload.ContainerRestartRule;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.core.model.workload.RestartPolicy;
import dev.aiinfra.core.model.workload.RestartRuleAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a pod template's in-place restart settings are accepted by the target cluster
 * ({@code validateContainerRestartPolicy} and the feature gates of KEP-5307 and KEP-5532): before
 * ContainerRestartRules a regular container may not set {@code restartPolicy}; the
 * {@code RestartAllContainers} action, and rules on sidecars, need
 * RestartAllContainersOnContainerExits.
 */
public final class RestartRuleCheck {
  private RestartRuleCheck() {}

  public static List<Diagnostic> check(PodTemplate template, ClusterProfile profile, String path) {
    List<Diagnostic> out = new ArrayList<>();
    boolean rules = profile.isEnabled(FeatureGate.ContainerRestartRules);
    boolean all = profile.isEnabled(FeatureGate.RestartAllContainersOnContainerExits);
    for (int i = 0; i < template.containers().size(); i++) {
      ContainerSpec c = template.containers().get(i);
      String at = path + ".spec.containers[" + i + "]";
      if (!rules && (c.restartPolicy().isPresent() || !c.restartPolicyRules().isEmpty())) {
        out.add(Diagnostic.builder().code(CoreCode.RESTART_RULES_UNAVAILABLE).path(at + ".restartPolicy")
            .message("Forbidden: may not be set for non-init containers (feature gate ContainerRestartRules is off in Kubernetes " + profile.kubernetesVersion() + ")")
            .hint("target Kubernetes 1.35+ or enable ContainerRestartRules").build());
      }
      checkActions(c, at, all, profile, out);
    }
    for (int i = 0; i < template.initContainers().size(); i++) {
      ContainerSpec c = template.initContainers().get(i);
      String at = path + ".spec.initContainers[" + i + "]";
      if (!c.restartPolicyRules().isEmpty() && c.restartPolicy().orElse(RestartPolicy.Never) == RestartPolicy.Always && !all) {
        out.add(Diagnostic.builder().code(CoreCode.RESTART_RULES_ON_SIDECAR).path(at + ".restartPolicyRules")
            .message("Forbidden: restart rules on sidecar containers need feature gate RestartAllContainersOnContainerExits, off in Kubernetes " + profile.kubernetesVersion())
            .hint("enable RestartAllContainersOnContainerExits").build());
      }
      checkActions(c, at, all, profile, out);
    }
    return out;
  }

  private static void checkActions(ContainerSpec c, String at, boolean all, ClusterProfile profile, List<Diagnostic> out) {
    for (int r = 0; r < c.restartPolicyRules().size(); r++) {
      ContainerRestartRule rule = c.restartPolicyRules().get(r);
      if (rule.action() == RestartRuleAction.RestartAllContainers && !all) {
        out.add(Diagnostic.builder().code(CoreCode.RESTART_ALL_CONTAINERS_UNAVAILABLE).path(at + ".restartPolicyRules[" + r + "].action")
            .message("Unsupported value: \"RestartAllContainers\": needs feature gate RestartAllContainersOnContainerExits, off in Kubernetes " + profile.kubernetesVersion())
            .hint("use Restart, or enable RestartAllContainersOnContainerExits").build());
      }
    }
  }
}
