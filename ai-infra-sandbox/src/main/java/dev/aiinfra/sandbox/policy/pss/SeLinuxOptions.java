package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.SeLinuxOptionsView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code seLinuxOptions}: on the pod and each container on its own, {@code type} is empty or one of
 * the container types ({@code container_engine_t} from v1.31), and {@code user} and {@code role}
 * are empty; {@code level} is not read.
 */
final class SeLinuxOptions implements Check {
  @Override
  public String id() {
    return "seLinuxOptions";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.BASELINE;
  }

  static boolean allowedType(String type, int minor) {
    switch (type) {
      case "":
      case "container_t":
      case "container_init_t":
      case "container_kvm_t":
        return true;
      case "container_engine_t":
        return minor >= 31;
      default:
        return false;
    }
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    Set<String> types = new TreeSet<>();
    Set<String> users = new TreeSet<>();
    Set<String> roles = new TreeSet<>();
    boolean podBad = pod.pod.seLinuxOptions().map(o -> collect(o, minor, types, users, roles)).orElse(false);
    List<String> bad = new ArrayList<>();
    for (ContainerSecurityView c : pod.containers) {
      if (c.seLinuxOptions().map(o -> collect(o, minor, types, users, roles)).orElse(false)) {
        bad.add(c.name());
      }
    }
    if (!podBad && bad.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    if (!types.isEmpty()) {
      parts.add(Phrases.pluralize("type ", "types ", types.size()) + Phrases.quoted(types));
    }
    if (!users.isEmpty()) {
      parts.add("user may not be set");
    }
    if (!roles.isEmpty()) {
      parts.add("role may not be set");
    }
    return Optional.of(new PodSecurityViolation(id(), "seLinuxOptions",
        Setters.of(podBad, bad) + " set forbidden securityContext.seLinuxOptions: " + String.join("; ", parts)));
  }

  private static boolean collect(SeLinuxOptionsView o, int minor, Set<String> types, Set<String> users, Set<String> roles) {
    boolean bad = false;
    if (!allowedType(o.type(), minor)) {
      types.add(o.type());
      bad = true;
    }
    if (!o.user().isEmpty()) {
      users.add(o.user());
      bad = true;
    }
    if (!o.role().isEmpty()) {
      roles.add(o.role());
      bad = true;
    }
    return bad;
  }
}
