package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code procMount} (baseline) and {@code procMount_restricted}: {@code securityContext.procMount}
 * is unset or {@code Default}. From v1.35 the baseline check allows any value in a user namespace
 * ({@code hostUsers: false}); the restricted one, which replaces it from v1.35, never does.
 */
final class ProcMount implements Check {
  private final boolean restricted;

  ProcMount(boolean restricted) {
    this.restricted = restricted;
  }

  @Override
  public String id() {
    return restricted ? "procMount_restricted" : "procMount";
  }

  @Override
  public PodSecurityLevel level() {
    return restricted ? PodSecurityLevel.RESTRICTED : PodSecurityLevel.BASELINE;
  }

  @Override
  public int sinceMinor() {
    return restricted ? 35 : 0;
  }

  @Override
  public Optional<String> overrides() {
    return restricted ? Optional.of("procMount") : Optional.empty();
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    if (!restricted && minor >= 35 && pod.pod.userNamespace()) {
      return Optional.empty();
    }
    Set<String> values = new TreeSet<>();
    List<String> bad = pod.containersWithForbidden(c -> c.procMount().stream().toList(), v -> !v.equals("Default"), values);
    return bad.isEmpty() ? Optional.empty() : Optional.of(new PodSecurityViolation(id(), "procMount",
        Phrases.containers(bad) + " must not set securityContext.procMount to " + Phrases.quoted(values)));
  }
}
