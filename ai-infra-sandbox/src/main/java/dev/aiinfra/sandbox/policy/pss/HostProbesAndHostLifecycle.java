package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code hostProbesAndHostLifecycle} (from v1.34): probe and lifecycle {@code httpGet.host} and
 * {@code tcpSocket.host} are empty; any value, loopback included, is denied.
 */
final class HostProbesAndHostLifecycle implements Check {
  @Override
  public String id() {
    return "hostProbesAndHostLifecycle";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.BASELINE;
  }

  @Override
  public int sinceMinor() {
    return 34;
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    Set<String> hosts = new TreeSet<>();
    // Distinct container names, sorted, as upstream words it.
    List<String> bad = List.copyOf(new TreeSet<>(pod.containersWithForbidden(ContainerSecurityView::handlerHosts, h -> !h.isEmpty(), hosts)));
    return bad.isEmpty() ? Optional.empty() : Optional.of(new PodSecurityViolation(id(), "probe or lifecycle host",
        Phrases.containers(bad) + " " + Phrases.pluralize("uses", "use", bad.size()) + " probe or lifecycle "
            + Phrases.pluralize("host", "hosts", hosts.size()) + " " + Phrases.quoted(hosts)));
  }
}
