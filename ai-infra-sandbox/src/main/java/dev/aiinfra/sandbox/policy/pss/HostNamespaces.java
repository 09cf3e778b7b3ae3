package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code hostNamespaces}: no {@code hostNetwork}, {@code hostPID} or {@code hostIPC}; {@code hostUsers} is not read. */
final class HostNamespaces implements Check {
  @Override
  public String id() {
    return "hostNamespaces";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.BASELINE;
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    List<String> set = new ArrayList<>();
    if (pod.pod.hostNetwork()) {
      set.add("hostNetwork=true");
    }
    if (pod.pod.hostPID()) {
      set.add("hostPID=true");
    }
    if (pod.pod.hostIPC()) {
      set.add("hostIPC=true");
    }
    return set.isEmpty() ? Optional.empty() : Optional.of(new PodSecurityViolation(id(), "host namespaces", Phrases.plain(set)));
  }
}
