package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@code hostPorts}: every {@code ports[*].hostPort} is unset or 0. */
final class HostPorts implements Check {
  @Override
  public String id() {
    return "hostPorts";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.BASELINE;
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    Set<Integer> found = new LinkedHashSet<>();
    List<String> bad = pod.containersWithForbidden(ContainerSecurityView::hostPorts, p -> p != 0, found);
    // Distinct ports, listed in text order ("10000" before "80"), as upstream words it.
    Set<String> ports = new TreeSet<>();
    found.forEach(p -> ports.add(String.valueOf(p)));
    if (bad.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PodSecurityViolation(id(), "hostPort", Phrases.containers(bad) + " "
        + Phrases.pluralize("uses", "use", bad.size()) + " "
        + Phrases.pluralize("hostPort", "hostPorts", ports.size()) + " " + Phrases.plain(ports)));
  }
}
