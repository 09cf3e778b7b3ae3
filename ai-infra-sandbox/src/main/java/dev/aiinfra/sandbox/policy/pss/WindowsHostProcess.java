package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import java.util.List;
import java.util.Optional;

/** {@code windowsHostProcess}: neither the pod nor a container sets {@code windowsOptions.hostProcess: true}. */
final class WindowsHostProcess implements Check {
  @Override
  public String id() {
    return "windowsHostProcess";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.BASELINE;
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    boolean podBad = pod.pod.windowsHostProcess().orElse(false);
    List<String> bad = pod.containersWhere(c -> c.windowsHostProcess().orElse(false));
    if (!podBad && bad.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PodSecurityViolation(id(), "hostProcess",
        Setters.of(podBad, bad) + " must not set securityContext.windowsOptions.hostProcess=true"));
  }
}
