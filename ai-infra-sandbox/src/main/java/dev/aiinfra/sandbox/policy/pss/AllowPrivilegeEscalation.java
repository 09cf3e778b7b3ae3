package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import java.util.List;
import java.util.Optional;

/**
 * {@code allowPrivilegeEscalation} (from v1.8): every container sets it to an explicit
 * {@code false}; Windows pods are exempt from v1.25.
 */
final class AllowPrivilegeEscalation implements Check {
  @Override
  public String id() {
    return "allowPrivilegeEscalation";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.RESTRICTED;
  }

  @Override
  public int sinceMinor() {
    return 8;
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    if (minor >= 25 && pod.pod.windows()) {
      return Optional.empty();
    }
    List<String> bad = pod.containersWhere(c -> c.allowPrivilegeEscalation().orElse(true));
    return bad.isEmpty() ? Optional.empty() : Optional.of(new PodSecurityViolation(id(), "allowPrivilegeEscalation != false",
        Phrases.containers(bad) + " must set securityContext.allowPrivilegeEscalation=false"));
  }
}
