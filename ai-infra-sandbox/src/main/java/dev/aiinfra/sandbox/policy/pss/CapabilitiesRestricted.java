package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code capabilities_restricted} (from v1.22, replaces {@code capabilities_baseline}): every
 * container drops the exact string {@code ALL} and adds nothing but {@code NET_BIND_SERVICE};
 * Windows pods are exempt from v1.25.
 */
final class CapabilitiesRestricted implements Check {
  @Override
  public String id() {
    return "capabilities_restricted";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.RESTRICTED;
  }

  @Override
  public int sinceMinor() {
    return 22;
  }

  @Override
  public Optional<String> overrides() {
    return Optional.of("capabilities_baseline");
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    if (minor >= 25 && pod.pod.windows()) {
      return Optional.empty();
    }
    List<String> noDrop = new ArrayList<>();
    List<String> badAdd = new ArrayList<>();
    Set<String> added = new TreeSet<>();
    for (ContainerSecurityView c : pod.containers) {
      if (!c.capabilitiesDrop().contains("ALL")) {
        noDrop.add(c.name());
      }
      boolean any = false;
      for (String cap : c.capabilitiesAdd()) {
        if (!cap.equals("NET_BIND_SERVICE")) {
          any = true;
          added.add(cap);
        }
      }
      if (any) {
        badAdd.add(c.name());
      }
    }
    List<String> parts = new ArrayList<>();
    if (!noDrop.isEmpty()) {
      parts.add(Phrases.containers(noDrop) + " must set securityContext.capabilities.drop=[\"ALL\"]");
    }
    if (!badAdd.isEmpty()) {
      parts.add(Phrases.containers(badAdd) + " must not include " + Phrases.quoted(added) + " in securityContext.capabilities.add");
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(new PodSecurityViolation(id(), "unrestricted capabilities", String.join("; ", parts)));
  }
}
