package dev.aiinfra.testing.sandbox;

import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.sandbox.model.pss.ContainerSecurityView;
import dev.aiinfra.sandbox.model.pss.PodSecurityView;
import dev.aiinfra.sandbox.model.pss.SeLinuxOptionsView;
import dev.aiinfra.sandbox.model.pss.VolumeView;
import dev.aiinfra.testing.Gen;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Seeded generators of pods for Pod Security properties: every field the checks read, each unset,
 * set to an allowed value or set to a denied one, so small pods reach every check's both sides.
 */
public final class PodSecurityGenerators {
  private static final List<String> SECCOMP = List.of("RuntimeDefault", "Localhost", "Unconfined", "");
  private static final List<String> APPARMOR = List.of("RuntimeDefault", "Localhost", "Unconfined");
  private static final List<String> CAPS = List.of("NET_BIND_SERVICE", "CHOWN", "NET_RAW", "SYS_ADMIN", "chown");
  private static final List<String> DROPS = List.of("ALL", "all", "NET_RAW");
  private static final List<String> SYSCTLS = List.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_rmem",
      "net.ipv4.tcp_slow_start_after_idle", "kernel.msgmax", "net.core.somaxconn");
  private static final List<String> VOLUMES = List.of("emptyDir", "configMap", "secret", "projected", "csi", "image", "hostPath", "nfs", "gitRepo");
  private static final List<String> SELINUX_TYPES = List.of("", "container_t", "container_engine_t", "spc_t");

  private PodSecurityGenerators() {}

  private static <T> Optional<T> maybe(SplittableRandom r, double p, Gen<T> g) {
    return r.nextDouble() < p ? Optional.of(g.next(r)) : Optional.empty();
  }

  private static Gen<SeLinuxOptionsView> seLinux() {
    return r -> SeLinuxOptionsView.builder().type(Gen.oneOf(SELINUX_TYPES).next(r)).user(r.nextDouble() < 0.2 ? "root" : "")
        .role(r.nextDouble() < 0.1 ? "sysadm_r" : "").level(r.nextBoolean() ? "s0:c1,c2" : "").build();
  }

  /** A container of the given kind with each security field unset, allowed or denied. */
  public static Gen<ContainerSecurityView> container(String name, ContainerSecurityView.Kind kind) {
    return r -> {
      ContainerSecurityView.Builder b = ContainerSecurityView.builder().name(name).kind(kind)
          .privileged(maybe(r, 0.15, Gen.chance(0.5)))
          .allowPrivilegeEscalation(maybe(r, 0.8, Gen.chance(0.2)))
          .runAsNonRoot(maybe(r, 0.3, Gen.chance(0.8)))
          .runAsUser(maybe(r, 0.2, rr -> rr.nextBoolean() ? 0L : 1000L))
          .seccompProfileType(maybe(r, 0.3, Gen.oneOf(SECCOMP)))
          .appArmorProfileType(maybe(r, 0.1, Gen.oneOf(APPARMOR)))
          .seLinuxOptions(maybe(r, 0.1, seLinux()))
          .windowsHostProcess(maybe(r, 0.05, Gen.booleans()))
          .procMount(maybe(r, 0.1, Gen.oneOf("Default", "Unmasked")));
      if (r.nextDouble() < 0.8) {
        b.addCapabilitiesDrop(Gen.oneOf(DROPS).next(r));
      }
      if (r.nextDouble() < 0.2) {
        b.addCapabilitiesAdd(Gen.oneOf(CAPS).next(r));
      }
      if (r.nextDouble() < 0.1) {
        b.addHostPort(r.nextBoolean() ? 0 : 8080);
      }
      if (r.nextDouble() < 0.1) {
        b.addHandlerHost(r.nextBoolean() ? "" : "127.0.0.1");
      }
      return b.build();
    };
  }

  /**
   * Pods for the checker's properties: four in ten start restricted-compliant (sometimes with one
   * unconstrained container added), the rest have every field unset, allowed or denied at random.
   */
  public static Gen<PodSecurityView> pods() {
    return r -> {
      if (r.nextDouble() < 0.4) {
        PodSecurityView.Builder b = PodSecurityView.builder().runAsNonRoot(true).seccompProfileType(Gen.oneOf("RuntimeDefault", "Localhost").next(r))
            .hostUsers(maybe(r, 0.2, Gen.booleans()));
        if (r.nextBoolean()) {
          b.addVolume(VolumeView.of("v", Gen.oneOf("emptyDir", "configMap", "secret", "projected", "csi", "image").next(r)));
        }
        int containers = 1 + r.nextInt(3);
        for (int i = 0; i < containers; i++) {
          ContainerSecurityView.Kind kind = i == 0 ? ContainerSecurityView.Kind.REGULAR : Gen.oneOf(ContainerSecurityView.Kind.values()).next(r);
          b.addContainer(ContainerSecurityView.builder().name("c" + i).kind(kind).allowPrivilegeEscalation(false).addCapabilitiesDrop("ALL")
              .runAsNonRoot(maybe(r, 0.3, Gen.constant(true))).build());
        }
        if (r.nextBoolean()) {
          b.addContainer(container("c9", Gen.oneOf(ContainerSecurityView.Kind.values()).next(r)).next(r));
        }
        return b.build();
      }
      return harsh().next(r);
    };
  }

  /** A pod with up to three containers of mixed kinds and pod-level fields unset, allowed or denied. */
  public static Gen<PodSecurityView> harsh() {
    return r -> {
      PodSecurityView.Builder b = PodSecurityView.builder()
          .hostNetwork(r.nextDouble() < 0.05).hostPID(r.nextDouble() < 0.05).hostIPC(r.nextDouble() < 0.05)
          .hostUsers(maybe(r, 0.2, Gen.booleans()))
          .osName(maybe(r, 0.15, Gen.oneOf("linux", "windows")))
          .runAsNonRoot(maybe(r, 0.7, Gen.chance(0.85)))
          .runAsUser(maybe(r, 0.2, rr -> rr.nextBoolean() ? 0L : 1000L))
          .seccompProfileType(maybe(r, 0.7, Gen.oneOf(SECCOMP)))
          .appArmorProfileType(maybe(r, 0.1, Gen.oneOf(APPARMOR)))
          .seLinuxOptions(maybe(r, 0.1, seLinux()))
          .windowsHostProcess(maybe(r, 0.05, Gen.booleans()));
      if (r.nextDouble() < 0.15) {
        b.addSysctl(Gen.oneOf(SYSCTLS).next(r));
      }
      if (r.nextDouble() < 0.1) {
        b.putAnnotation("container.apparmor.security.beta.kubernetes.io/c0", Gen.oneOf("", "runtime/default", "unconfined").next(r));
      }
      int volumes = r.nextInt(3);
      for (int i = 0; i < volumes; i++) {
        b.addVolume(r.nextDouble() < 0.1 ? VolumeView.of("v" + i) : VolumeView.of("v" + i, Gen.oneOf(VOLUMES).next(r)));
      }
      int containers = 1 + r.nextInt(3);
      for (int i = 0; i < containers; i++) {
        ContainerSecurityView.Kind kind = i == 0 ? ContainerSecurityView.Kind.REGULAR : Gen.oneOf(ContainerSecurityView.Kind.values()).next(r);
        b.addContainer(container("c" + i, kind).next(r));
      }
      return b.build();
    };
  }

  /**
   * A benign sandbox pod template: no host namespaces, host paths or privileged settings, but any
   * mix of compliant pre-set security fields, init containers, volumes and mounts the preset must respect.
   */
  public static Gen<PodTemplate> benignTemplates() {
    return r -> {
      PodTemplate.Builder b = PodTemplate.builder().putLabel("app", "agent");
      Map<String, Object> podExtra = new LinkedHashMap<>();
      if (r.nextBoolean()) {
        Map<String, Object> sc = new LinkedHashMap<>();
        if (r.nextBoolean()) {
          sc.put("runAsNonRoot", true);
        }
        if (r.nextBoolean()) {
          sc.put("seccompProfile", Map.of("type", r.nextBoolean() ? "RuntimeDefault" : "Localhost", "localhostProfile", "p.json"));
        }
        if (r.nextBoolean()) {
          sc.put("runAsUser", 1000 + r.nextInt(1000));
        }
        podExtra.put("securityContext", sc);
      }
      if (r.nextBoolean()) {
        podExtra.put("volumes", List.of(Map.of("name", "data", "emptyDir", Map.of())));
      }
      b.extraFields(podExtra);
      int init = r.nextInt(2);
      for (int i = 0; i < init; i++) {
        b.addInitContainer(benignContainer("init" + i, r));
      }
      int containers = 1 + r.nextInt(2);
      for (int i = 0; i < containers; i++) {
        b.addContainer(benignContainer("c" + i, r));
      }
      return b.build();
    };
  }

  private static ContainerSpec benignContainer(String name, SplittableRandom r) {
    Map<String, Object> extra = new LinkedHashMap<>();
    if (r.nextBoolean()) {
      Map<String, Object> sc = new LinkedHashMap<>();
      if (r.nextBoolean()) {
        sc.put("capabilities", Map.of("drop", List.of(r.nextBoolean() ? "NET_RAW" : "ALL"), "add", List.of("NET_BIND_SERVICE")));
      }
      if (r.nextBoolean()) {
        sc.put("allowPrivilegeEscalation", false);
      }
      extra.put("securityContext", sc);
    }
    if (r.nextBoolean()) {
      List<Object> mounts = new ArrayList<>();
      mounts.add(Map.of("name", r.nextBoolean() ? "tmp" : "scratch", "mountPath", r.nextBoolean() ? "/tmp" : "/work"));
      extra.put("volumeMounts", mounts);
    }
    return ContainerSpec.builder().name(name).image("agent:1").requests(ResourceList.of("cpu", "100m")).extraFields(extra).build();
  }
}
