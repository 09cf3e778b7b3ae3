package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import java.util.List;
import java.util.Optional;

/**
 * {@code runAsUser} (from v1.23): neither the pod nor any container sets {@code runAsUser: 0}, each
 * place on its own. From v1.35 a pod in a user namespace is exempt.
 */
final class RunAsUser implements Check {
  @Override
  public String id() {
    return "runAsUser";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.RESTRICTED;
  }

  @Override
  public int sinceMinor() {
    return 23;
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    if (minor >= 35 && pod.pod.userNamespace()) {
      return Optional.empty();
    }
    boolean podBad = pod.pod.runAsUser().map(u -> u == 0).orElse(false);
    List<String> bad = pod.containersWhere(c -> c.runAsUser().map(u -> u == 0).orElse(false));
    return !podBad && bad.isEmpty() ? Optional.empty() : Optional.of(new PodSecurityViolation(id(), "runAsUser=0",
        Setters.of(podBad, bad) + " must not set runAsUser=0"));
  }
}
