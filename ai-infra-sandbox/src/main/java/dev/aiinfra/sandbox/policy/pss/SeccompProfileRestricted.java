package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code seccompProfile_restricted} (from v1.19, replaces the baseline check): a valid pod profile
 * covers containers that leave theirs unset; a container's own profile replaces the pod's; a bad pod
 * profile is always denied. Windows pods are exempt from v1.25.
 */
final class SeccompProfileRestricted implements Check {
  @Override
  public String id() {
    return "seccompProfile_restricted";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.RESTRICTED;
  }

  @Override
  public int sinceMinor() {
    return 19;
  }

  @Override
  public Optional<String> overrides() {
    return Optional.of("seccompProfile_baseline");
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    if (minor >= 25 && pod.pod.windows()) {
      return Optional.empty();
    }
    boolean podSet = false;
    List<String> badSetters = new ArrayList<>();
    Set<String> badValues = new TreeSet<>();
    if (pod.pod.seccompProfileType().isPresent()) {
      String t = pod.pod.seccompProfileType().get();
      if (SeccompProfileBaseline.validType(t)) {
        podSet = true;
      } else {
        badSetters.add("pod");
        badValues.add(t);
      }
    }
    List<String> explicit = new ArrayList<>();
    List<String> implicit = new ArrayList<>();
    for (ContainerSecurityView c : pod.containers) {
      if (c.seccompProfileType().isPresent()) {
        if (!SeccompProfileBaseline.validType(c.seccompProfileType().get())) {
          explicit.add(c.name());
          badValues.add(c.seccompProfileType().get());
        }
      } else if (!podSet) {
        implicit.add(c.name());
      }
    }
    if (!explicit.isEmpty()) {
      badSetters.add(Phrases.containers(explicit));
    }
    // like upstream: explicit bad profiles are reported first and alone; missing ones only otherwise
    if (!badSetters.isEmpty()) {
      return Optional.of(new PodSecurityViolation(id(), "seccompProfile",
          String.join(" and ", badSetters) + " must not set securityContext.seccompProfile.type to " + Phrases.quoted(badValues)));
    }
    if (!implicit.isEmpty()) {
      return Optional.of(new PodSecurityViolation(id(), "seccompProfile",
          "pod or " + Phrases.containers(implicit) + " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\""));
    }
    return Optional.empty();
  }
}
