package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code sysctls}: only the namespaced, safe sysctls, by exact name; the list grew at v1.27, v1.29, v1.32 and v1.37. */
final class Sysctls implements Check {
  private static final List<String> V1_0 = List.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
      "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start");

  @Override
  public String id() {
    return "sysctls";
  }

  @Override
  public PodSecurityLevel level() {
    return PodSecurityLevel.BASELINE;
  }

  static boolean allowed(String name, int minor) {
    if (V1_0.contains(name)) {
      return true;
    }
    switch (name) {
      case "net.ipv4.ip_local_reserved_ports":
        return minor >= 27;
      case "net.ipv4.tcp_keepalive_time":
      case "net.ipv4.tcp_fin_timeout":
      case "net.ipv4.tcp_keepalive_intvl":
      case "net.ipv4.tcp_keepalive_probes":
        return minor >= 29;
      case "net.ipv4.tcp_rmem":
      case "net.ipv4.tcp_wmem":
        return minor >= 32;
      case "net.ipv4.tcp_slow_start_after_idle":
      case "net.ipv4.tcp_notsent_lowat":
        return minor >= 37;
      default:
        return false;
    }
  }

  @Override
  public Optional<PodSecurityViolation> check(Subject pod, int minor) {
    List<String> bad = new ArrayList<>();
    for (String s : pod.pod.sysctls()) {
      if (!allowed(s, minor)) {
        bad.add(s);
      }
    }
    return bad.isEmpty() ? Optional.empty() : Optional.of(new PodSecurityViolation(id(), "forbidden sysctls", Phrases.plain(bad)));
  }
}
