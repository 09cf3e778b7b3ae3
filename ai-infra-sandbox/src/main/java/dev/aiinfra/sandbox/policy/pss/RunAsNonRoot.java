package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code runAsNonRoot}: the pod sets {@code runAsNonRoot: true} (covering containers that leave it
 * unset) or every container does; an explicit {@code false} anywhere is denied. From v1.35 a pod in
 * a user namespace ({@code hostUsers: false}) is exempt.
 */
final class RunAsNonRoot implements Check {
  @Override
  public String id() {
    return "runAsNonRoot";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.RESTRICTED;
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    if (minor >= 35 && pod.pod.userNamespace()) {
      return Optional.empty();
    }
    boolean podFalse = pod.pod.runAsNonRoot().map(v -> !v).orElse(false);
    boolean podTrue = pod.pod.runAsNonRoot().orElse(false);
    List<String> explicit = new ArrayList<>();
    List<String> implicit = new ArrayList<>();
    for (ContainerSecurityView c : pod.containers) {
      if (c.runAsNonRoot().isPresent()) {
        if (!c.runAsNonRoot().get()) {
          explicit.add(c.name());
        }
      } else if (!podTrue) {
        implicit.add(c.name());
      }
    }
    List<String> badSetters = new ArrayList<>();
    if (podFalse) {
      badSetters.add("pod");
    }
    if (!explicit.isEmpty()) {
      badSetters.add(Phrases.containers(explicit));
    }
    // like upstream: explicit false is reported first and alone; missing opt-ins only otherwise
    if (!badSetters.isEmpty()) {
      return Optional.of(new PodSecurityViolation(id(), "runAsNonRoot != true",
          String.join(" and ", badSetters) + " must not set securityContext.runAsNonRoot=false"));
    }
    if (!implicit.isEmpty()) {
      return Optional.of(new PodSecurityViolation(id(), "runAsNonRoot != true",
          "pod or " + Phrases.containers(implicit) + " must set securityContext.runAsNonRoot=true"));
    }
    return Optional.empty();
  }
}
