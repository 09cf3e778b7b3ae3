package dev.aiinfra.sandbox.policy.pss;

import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.model.pss.PodSecurityView;
import dev.aiinfra.sandbox.model.pss.SeLinuxOptionsView;
import dev.aiinfra.sandbox.model.pss.VolumeView;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * An independent restatement of domain/pss-checks.md as one predicate per check over "does any
 * place hold a forbidden value", written without the library's code, to compare failing check sets.
 */
final class PodSecurityOracle {
  private PodSecurityOracle() {}

  static Set<String> failing(PodSecurityView p, PodSecurityLevel level, int v) {
    Set<String> out = new TreeSet<>();
    boolean userns = p.hostUsers().equals(Optional.of(false));
    boolean windows = p.osName().equals(Optional.of("windows"));
    List<ContainerSecurityView> cs = p.containers();
    // baseline
    if (any(cs, c -> c.privileged().orElse(false))) out.add("privileged");
    if (p.hostNetwork() || p.hostPID() || p.hostIPC()) out.add("hostNamespaces");
    boolean hostPath = p.volumes().stream().anyMatch(x -> x.sources().contains("hostPath"));
    if (any(cs, c -> c.hostPorts().stream().anyMatch(h -> h != 0))) out.add("hostPorts");
    Set<String> defaults = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP",
        "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    boolean capsBaseline = any(cs, c -> c.capabilitiesAdd().stream().anyMatch(a -> !defaults.contains(a)));
    boolean seccompBaseline;
    if (v >= 19) {
      Predicate<String> bad = t -> !t.equals("RuntimeDefault") && !t.equals("Localhost");
      seccompBaseline = p.seccompProfileType().filter(bad).isPresent() || any(cs, c -> c.seccompProfileType().filter(bad).isPresent());
    } else {
      seccompBaseline = false; // the generators never set seccomp annotations
    }
    if (p.sysctls().stream().anyMatch(s -> !sysctlAllowed(s, v))) out.add("sysctls");
    Predicate<Optional<String>> badArmor = t -> t.isPresent() && !t.get().equals("RuntimeDefault") && !t.get().equals("Localhost");
    boolean armorAnnotation = p.annotations().entrySet().stream().anyMatch(e -> e.getKey().startsWith("container.apparmor.security.beta.kubernetes.io/")
        && !(e.getValue().isEmpty() || e.getValue().equals("runtime/default") || e.getValue().startsWith("localhost/")));
    if (armorAnnotation || badArmor.test(p.appArmorProfileType()) || any(cs, c -> badArmor.test(c.appArmorProfileType()))) out.add("appArmorProfile");
    boolean procMountSet = any(cs, c -> c.procMount().isPresent() && !c.procMount().get().equals("Default"));
    boolean procMountBaseline = procMountSet && !(v >= 35 && userns);
    if (badSeLinux(p.seLinuxOptions(), v) || any(cs, c -> badSeLinux(c.seLinuxOptions(), v))) out.add("seLinuxOptions");
    if (p.windowsHostProcess().orElse(false) || any(cs, c -> c.windowsHostProcess().orElse(false))) out.add("windowsHostProcess");
    if (v >= 34 && any(cs, c -> c.handlerHosts().stream().anyMatch(h -> !h.isEmpty()))) out.add("hostProbesAndHostLifecycle");

    if (level == PodSecurityLevel.BASELINE) {
      if (hostPath) out.add("hostPathVolumes");
      if (capsBaseline) out.add("capabilities_baseline");
      if (seccompBaseline) out.add("seccompProfile_baseline");
      if (procMountBaseline) out.add("procMount");
      return out;
    }
    // restricted: overridden baseline checks run only before their replacement exists
    Set<String> allowedVolumes = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret");
    if (p.volumes().stream().anyMatch(x -> !x.sources().isEmpty() && !allowedVolumes.containsAll(x.sources()))) out.add("restrictedVolumes");
    if (v < 22 && capsBaseline) out.add("capabilities_baseline");
    if (v < 19 && seccompBaseline) out.add("seccompProfile_baseline");
    if (v < 35 && procMountBaseline) out.add("procMount");
    if (v >= 35 && procMountSet) out.add("procMount_restricted");
    boolean exemptWindows = v >= 25 && windows;
    if (v >= 8 && !exemptWindows && any(cs, c -> c.allowPrivilegeEscalation().orElse(true))) out.add("allowPrivilegeEscalation");
    if (v >= 22 && !exemptWindows && any(cs, c -> !c.capabilitiesDrop().contains("ALL") || c.capabilitiesAdd().stream().anyMatch(a -> !a.equals("NET_BIND_SERVICE")))) {
      out.add("capabilities_restricted");
    }
    if (!(v >= 35 && userns)) {
      boolean podTrue = p.runAsNonRoot().orElse(false);
      if (p.runAsNonRoot().equals(Optional.of(false)) || any(cs, c -> c.runAsNonRoot().map(x -> !x).orElse(!podTrue))) out.add("runAsNonRoot");
      if (v >= 23 && (p.runAsUser().equals(Optional.of(0L)) || any(cs, c -> c.runAsUser().equals(Optional.of(0L))))) out.add("runAsUser");
    }
    if (v >= 19 && !exemptWindows) {
      Predicate<String> ok = t -> t.equals("RuntimeDefault") || t.equals("Localhost");
      boolean podOk = p.seccompProfileType().filter(ok).isPresent();
      boolean podBad = p.seccompProfileType().isPresent() && !podOk;
      if (podBad || any(cs, c -> c.seccompProfileType().map(t -> !ok.test(t)).orElse(!podOk))) out.add("seccompProfile_restricted");
    }
    return out;
  }

  private static boolean any(List<ContainerSecurityView> cs, Predicate<ContainerSecurityView> p) {
    return cs.stream().anyMatch(p);
  }

  private static boolean badSeLinux(Optional<SeLinuxOptionsView> o, int v) {
    if (o.isEmpty()) {
      return false;
    }
    Set<String> types = v >= 31 ? Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t")
        : Set.of("", "container_t", "container_init_t", "container_kvm_t");
    return !types.contains(o.get().type()) || !o.get().user().isEmpty() || !o.get().role().isEmpty();
  }

  private static boolean sysctlAllowed(String s, int v) {
    int since = switch (s) {
      case "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
          "net.ipv4.ip_unprivileged_port_start" -> 0;
      case "net.ipv4.ip_local_reserved_ports" -> 27;
      case "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes" -> 29;
      case "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem" -> 32;
      case "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat" -> 37;
      default -> Integer.MAX_VALUE;
    };
    return v >= since;
  }

  /** Volumes as API defaulting leaves them: a volume with no source is an emptyDir. */
  static PodSecurityView defaulted(PodSecurityView p) {
    return p.withVolumes(p.volumes().stream().map(x -> x.sources().isEmpty() ? VolumeView.of(x.name(), "emptyDir") : x).toList());
  }
}
