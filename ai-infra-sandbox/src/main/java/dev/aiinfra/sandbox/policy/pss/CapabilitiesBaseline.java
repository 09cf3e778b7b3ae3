package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@code capabilities_baseline}: {@code capabilities.add} holds only the runtime's default set (exact, case-sensitive names). */
final class CapabilitiesBaseline implements Check {
  static final Set<String> DEFAULTS = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
      "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

  @Override
  public String id() {
    return "capabilities_baseline";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.BASELINE;
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    Set<String> caps = new TreeSet<>();
    List<String> bad = pod.containersWithForbidden(ContainerSecurityView::capabilitiesAdd, cap -> !DEFAULTS.contains(cap), caps);
    return bad.isEmpty() ? Optional.empty() : Optional.of(new PodSecurityViolation(id(), "non-default capabilities",
        Phrases.containers(bad) + " must not include " + Phrases.quoted(caps) + " in securityContext.capabilities.add"));
  }
}
