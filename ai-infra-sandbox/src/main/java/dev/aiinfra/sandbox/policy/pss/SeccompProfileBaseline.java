package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code seccompProfile_baseline}: only explicit bad profiles count. Before v1.19 it reads the
 * {@code seccomp.security.alpha.kubernetes.io} annotations; from v1.19 only the
 * {@code seccompProfile} fields, where anything but {@code RuntimeDefault}/{@code Localhost} is denied.
 */
final class SeccompProfileBaseline implements Check {
  static final String POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
  static final String CONTAINER_ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";

  @Override
  public String id() {
    return "seccompProfile_baseline";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.BASELINE;
  }

  static boolean validType(String type) {
    return type.equals("RuntimeDefault") || type.equals("Localhost");
  }

  private static boolean validAnnotation(String value) {
    return value.equals("runtime/default") || value.equals("docker/default") || value.startsWith("localhost/");
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    return minor >= 19 ? fields(pod) : annotations(pod);
  }

  private Optional<PodSecurityViolation> fields(Subject pod) {
    Set<String> values = new TreeSet<>();
    boolean podBad = false;
    if (pod.pod.seccompProfileType().isPresent() && !validType(pod.pod.seccompProfileType().get())) {
      podBad = true;
      values.add(pod.pod.seccompProfileType().get());
    }
    List<String> bad = new ArrayList<>();
    for (ContainerSecurityView c : pod.containers) {
      if (c.seccompProfileType().isPresent() && !validType(c.seccompProfileType().get())) {
        bad.add(c.name());
        values.add(c.seccompProfileType().get());
      }
    }
    if (!podBad && bad.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new PodSecurityViolation(id(), "seccompProfile",
        Setters.of(podBad, bad) + " must not set securityContext.seccompProfile.type to " + Phrases.quoted(values)));
  }

  private Optional<PodSecurityViolation> annotations(Subject pod) {
    // Distinct key="value" entries in text order, as upstream lists them.
    Set<String> forbidden = new TreeSet<>();
    String podValue = pod.pod.annotations().get(POD_ANNOTATION);
    if (podValue != null && !validAnnotation(podValue)) {
      forbidden.add(POD_ANNOTATION + "=" + Phrases.goQuoted(podValue));
    }
    for (ContainerSecurityView c : pod.containers) {
      String key = CONTAINER_ANNOTATION_PREFIX + c.name();
      String value = pod.pod.annotations().get(key);
      if (value != null && !validAnnotation(value)) {
        forbidden.add(key + "=" + Phrases.goQuoted(value));
      }
    }
    return forbidden.isEmpty() ? Optional.empty() : Optional.of(new PodSecurityViolation(id(), "seccompProfile",
        "forbidden " + Phrases.pluralize("annotation", "annotations", forbidden.size()) + " " + String.join(", ", forbidden)));
  }
}
