package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
    // The forbidden values: every distinct bad profile type (sorted), then each bad annotation as
    // key="value" (sorted); the setters: pod, the containers, and the annotations.
    Set<String> badTypes = new TreeSet<>();
    boolean podBad = !allowedType(pod.pod.appArmorProfileType());
    pod.pod.appArmorProfileType().filter(t -> !allowedType(Optional.of(t))).ifPresent(badTypes::add);
    List<String> bad = pod.containersWhere(c -> !allowedType(c.appArmorProfileType()));
    for (ContainerSecurityView c : pod.containers) {
      c.appArmorProfileType().filter(t -> !allowedType(Optional.of(t))).ifPresent(badTypes::add);
    }
    List<String> annotations = new ArrayList<>();
    for (Map.Entry<String, String> e : pod.pod.annotations().entrySet()) {
      if (e.getKey().startsWith(ANNOTATION_PREFIX) && !allowedAnnotation(e.getValue())) {
        annotations.add(e.getKey() + "=" + Phrases.goQuoted(e.getValue()));
      }
    }
    Collections.sort(annotations);
    List<String> setters = new ArrayList<>();
    if (podBad) {
      setters.add("pod");
    }
    if (!bad.isEmpty()) {
      setters.add(Phrases.containers(bad));
    }
    List<String> values = new ArrayList<>(badTypes);
    if (!annotations.isEmpty()) {
      values.addAll(annotations);
      setters.add(Phrases.pluralize("annotation", "annotations", annotations.size()));
    }
    if (setters.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PodSecurityViolation(id(),
        Phrases.pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", values.size()),
        String.join(" and ", setters) + " must not set AppArmor profile type to " + Phrases.quoted(values)));
  }
}
