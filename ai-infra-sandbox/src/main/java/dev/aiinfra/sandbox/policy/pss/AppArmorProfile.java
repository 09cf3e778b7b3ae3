package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code appArmorProfile}: the pod and container {@code appArmorProfile.type} is unset,
 * {@code RuntimeDefault} or {@code Localhost}, and every {@code container.apparmor.security.beta.kubernetes.io/*}
 * annotation, whether or not a container has that name, is empty, {@code runtime/default} or
 * {@code localhost/*}. One entry since v1.0, so it applies at every version.
 */
final class AppArmorProfile implements Check {
  static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

  @Override
  public String id() {
    return "appArmorProfile";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.BASELINE;
  }

  private static boolean allowedType(Optional<String> type) {
    return type.isEmpty() || type.get().equals("RuntimeDefault") || type.get().equals("Localhost");
  }

  private static boolean allowedAnnotation(String value) {
    return value.isEmpty() || value.equals("runtime/default") || value.startsWith("localhost/");
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    List<String> forbidden = new ArrayList<>();
    for (Map.Entry<String, String> e : pod.pod.annotations().entrySet()) {
      if (e.getKey().startsWith(ANNOTATION_PREFIX) && !allowedAnnotation(e.getValue())) {
        forbidden.add(e.getKey() + "=\"" + e.getValue() + "\"");
      }
    }
    boolean podBad = !allowedType(pod.pod.appArmorProfileType());
    List<String> bad = pod.containersWhere(c -> !allowedType(c.appArmorProfileType()));
    if (podBad || !bad.isEmpty()) {
      forbidden.add(Setters.of(podBad, bad) + " must not set securityContext.appArmorProfile.type to \"Unconfined\"");
    }
    if (forbidden.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PodSecurityViolation(id(),
        Phrases.pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", forbidden.size()),
        String.join(", ", forbidden)));
  }
}
