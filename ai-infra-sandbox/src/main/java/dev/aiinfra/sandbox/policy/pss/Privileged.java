package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import java.util.List;
import java.util.Optional;

/** {@code privileged}: no container sets {@code securityContext.privileged: true}. */
final class Privileged implements Check {
  @Override
  public String id() {
    return "privileged";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.BASELINE;
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    List<String> bad = pod.containersWhere(c -> c.privileged().orElse(false));
    return bad.isEmpty() ? Optional.empty() : Optional.of(new PodSecurityViolation(id(), "privileged",
        Phrases.containers(bad) + " must not set securityContext.privileged=true"));
  }
}
