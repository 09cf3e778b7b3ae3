package dev.aiinfra.sandbox.policy.pss;

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

  // ---- Raw pod templates (plain maps, as YAML would carry them) for differential tests ----

  private static final List<String> ALL_SYSCTLS = List.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
      "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
      "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
      "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
      "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat", "kernel.msgmax", "net.core.somaxconn",
      "net.ipv4.tcp_syncookies.x", "Net.ipv4.tcp_rmem", "");
  private static final List<String> ALL_CAPS = List.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
      "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT", "NET_RAW", "SYS_ADMIN",
      "CAP_CHOWN", "chown", "ALL", "net_bind_service", "");
  private static final List<String> ALL_DROPS = List.of("ALL", "all", "NET_RAW", "CAP_ALL", "", "SYS_ADMIN");
  private static final List<String> ALL_SECCOMP = List.of("RuntimeDefault", "Localhost", "Unconfined", "", "runtime/default", "Other");
  private static final List<String> ALL_APPARMOR = List.of("RuntimeDefault", "Localhost", "Unconfined", "", "Other");
  private static final List<String> ALL_SELINUX_TYPES = List.of("", "container_t", "container_init_t", "container_kvm_t",
      "container_engine_t", "spc_t", "unconfined_t", "Container_t");
  private static final List<String> ALL_VOLUME_SOURCES = List.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
      "image", "persistentVolumeClaim", "projected", "secret", "hostPath", "gcePersistentDisk", "awsElasticBlockStore",
      "gitRepo", "nfs", "iscsi", "glusterfs", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile",
      "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos");
  private static final List<String> ANNOTATION_SECCOMP = List.of("runtime/default", "docker/default", "localhost/p.json",
      "unconfined", "", "localhost", "other", "un\"confined\\x");
  private static final List<String> ANNOTATION_APPARMOR = List.of("runtime/default", "localhost/p", "unconfined", "", "localhost", "other",
      "un\"confined\\x");
  private static final String APPARMOR_PREFIX = "container.apparmor.security.beta.kubernetes.io/";
  private static final String SECCOMP_POD = "seccomp.security.alpha.kubernetes.io/pod";
  private static final String SECCOMP_CONTAINER_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";

  /**
   * A pod template as plain maps ({@code metadata} with annotations, {@code spec}) reaching every
   * field the Pod Security checks read: host namespaces and {@code hostUsers}, {@code os.name},
   * pod and container security contexts (privileged, capabilities, seccomp, AppArmor, SELinux,
   * procMount, Windows hostProcess, runAsNonRoot, runAsUser, allowPrivilegeEscalation), sysctls,
   * every volume type, host ports, probe and lifecycle hosts, the seccomp and AppArmor annotations,
   * across regular, init (some restartable) and ephemeral containers. About a third start from a
   * restricted-compliant pod and change one or two fields, so verdicts sit near every boundary.
   */
  public static Gen<Map<String, Object>> podTemplateTrees() {
    return r -> {
      boolean nearCompliant = r.nextDouble() < 0.35;
      double p = nearCompliant ? 0.04 : 0.25;
      Map<String, Object> spec = new LinkedHashMap<>();
      Map<String, Object> annotations = new LinkedHashMap<>();
      List<String> names = new ArrayList<>();
      int containers = 1 + r.nextInt(3);
      int inits = r.nextDouble() < 0.4 ? 1 + r.nextInt(2) : 0;
      int ephemerals = r.nextDouble() < 0.2 ? 1 + r.nextInt(2) : 0;
      List<Object> cs = new ArrayList<>();
      for (int i = 0; i < containers; i++) {
        names.add("c" + i);
        cs.add(containerTree("c" + i, r, nearCompliant, p, false));
      }
      if (inits > 0) {
        List<Object> is = new ArrayList<>();
        for (int i = 0; i < inits; i++) {
          names.add("i" + i);
          is.add(containerTree("i" + i, r, nearCompliant, p, true));
        }
        spec.put("initContainers", is);
      }
      spec.put("containers", cs);
      if (ephemerals > 0) {
        List<Object> es = new ArrayList<>();
        for (int i = 0; i < ephemerals; i++) {
          // rarely reuse a regular container's name (invalid in the API, but the checks read raw specs)
          String name = r.nextDouble() < 0.05 ? "c0" : "e" + i;
          names.add(name);
          es.add(containerTree(name, r, nearCompliant, p, false));
        }
        spec.put("ephemeralContainers", es);
      }
      for (String ns : List.of("hostNetwork", "hostPID", "hostIPC")) {
        if (r.nextDouble() < p / 2) {
          spec.put(ns, r.nextDouble() < 0.8);
        }
      }
      if (r.nextDouble() < 0.3) {
        spec.put("hostUsers", r.nextDouble() < 0.6 ? false : true);
      }
      if (r.nextDouble() < 0.2) {
        spec.put("os", Map.of("name", Gen.oneOf("linux", "windows", "windows", "Windows").next(r)));
      }
      Map<String, Object> psc = new LinkedHashMap<>();
      if (nearCompliant ? r.nextDouble() < 0.9 : r.nextDouble() < 0.5) {
        psc.put("runAsNonRoot", nearCompliant ? r.nextDouble() < 0.95 : r.nextDouble() < 0.7);
      }
      if (r.nextDouble() < p) {
        psc.put("runAsUser", Gen.oneOf(0, 0, 1000, 1).next(r));
      }
      if (nearCompliant ? r.nextDouble() < 0.9 : r.nextDouble() < 0.5) {
        psc.put("seccompProfile", seccompTree(nearCompliant && r.nextDouble() < 0.95 ? Gen.oneOf("RuntimeDefault", "Localhost").next(r) : Gen.oneOf(ALL_SECCOMP).next(r), r));
      }
      if (r.nextDouble() < p / 2) {
        psc.put("appArmorProfile", appArmorTree(Gen.oneOf(ALL_APPARMOR).next(r), r));
      }
      if (r.nextDouble() < p / 2) {
        psc.put("seLinuxOptions", seLinuxTree(r));
      }
      if (r.nextDouble() < p / 3) {
        psc.put("windowsOptions", Map.of("hostProcess", r.nextBoolean()));
      }
      if (r.nextDouble() < p) {
        List<Object> sysctls = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
          sysctls.add(Map.of("name", Gen.oneOf(ALL_SYSCTLS).next(r), "value", "1"));
        }
        psc.put("sysctls", sysctls);
      }
      if (!psc.isEmpty() || r.nextDouble() < 0.1) {
        spec.put("securityContext", psc);
      }
      int volumes = r.nextDouble() < 0.5 ? r.nextInt(4) : 0;
      if (volumes > 0) {
        List<Object> vs = new ArrayList<>();
        for (int i = 0; i < volumes; i++) {
          Map<String, Object> v = new LinkedHashMap<>();
          v.put("name", "v" + i);
          if (r.nextDouble() < 0.9) {
            String source = nearCompliant && r.nextDouble() < 0.8 ? Gen.oneOf(ALL_VOLUME_SOURCES.subList(0, 9)).next(r) : Gen.oneOf(ALL_VOLUME_SOURCES).next(r);
            v.put(source, volumeSource(source));
          }
          vs.add(v);
        }
        spec.put("volumes", vs);
      }
      if (r.nextDouble() < p) {
        String name = r.nextDouble() < 0.8 ? Gen.oneOf(names).next(r) : "nosuch";
        annotations.put(APPARMOR_PREFIX + name, Gen.oneOf(ANNOTATION_APPARMOR).next(r));
      }
      if (r.nextDouble() < p) {
        annotations.put(SECCOMP_POD, Gen.oneOf(ANNOTATION_SECCOMP).next(r));
      }
      if (r.nextDouble() < p) {
        String name = r.nextDouble() < 0.8 ? Gen.oneOf(names).next(r) : "nosuch";
        annotations.put(SECCOMP_CONTAINER_PREFIX + name, Gen.oneOf(ANNOTATION_SECCOMP).next(r));
      }
      if (r.nextDouble() < 0.1) {
        annotations.put("example.com/note", "x");
      }
      Map<String, Object> template = new LinkedHashMap<>();
      Map<String, Object> metadata = new LinkedHashMap<>();
      if (r.nextBoolean()) {
        metadata.put("labels", Map.of("app", "w"));
      }
      if (!annotations.isEmpty()) {
        metadata.put("annotations", annotations);
      }
      template.put("metadata", metadata);
      template.put("spec", spec);
      return template;
    };
  }

  private static Object volumeSource(String source) {
    switch (source) {
      case "configMap":
        return Map.of("name", "cm");
      case "secret":
        return Map.of("secretName", "s");
      case "persistentVolumeClaim":
        return Map.of("claimName", "pvc");
      case "hostPath":
        return Map.of("path", "/var/run");
      case "image":
        return Map.of("reference", "registry.example/data:1");
      case "csi":
        return Map.of("driver", "csi.example.com");
      case "nfs":
        return Map.of("server", "nfs.example", "path", "/x");
      default:
        return Map.of();
    }
  }

  private static Map<String, Object> seccompTree(String type, SplittableRandom r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    if ("Localhost".equals(type)) {
      m.put("localhostProfile", "profiles/p.json");
    }
    return m;
  }

  private static Map<String, Object> appArmorTree(String type, SplittableRandom r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    if ("Localhost".equals(type)) {
      m.put("localhostProfile", "p");
    }
    return m;
  }

  private static Map<String, Object> seLinuxTree(SplittableRandom r) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (r.nextDouble() < 0.8) {
      m.put("type", Gen.oneOf(ALL_SELINUX_TYPES).next(r));
    }
    if (r.nextDouble() < 0.2) {
      m.put("user", r.nextBoolean() ? "system_u" : "");
    }
    if (r.nextDouble() < 0.2) {
      m.put("role", r.nextBoolean() ? "system_r" : "");
    }
    if (r.nextDouble() < 0.4) {
      m.put("level", "s0:c1,c2");
    }
    return m;
  }

  private static Map<String, Object> handlerTree(SplittableRandom r, boolean lifecycle) {
    Map<String, Object> h = new LinkedHashMap<>();
    String host = Gen.oneOf("", "127.0.0.1", "::1", "example.com", "localhost").next(r);
    int kind = r.nextInt(lifecycle ? 4 : 4);
    if (kind == 0) {
      Map<String, Object> get = new LinkedHashMap<>();
      get.put("port", 8080);
      if (r.nextDouble() < 0.7) {
        get.put("host", host);
      }
      h.put("httpGet", get);
    } else if (kind == 1) {
      Map<String, Object> tcp = new LinkedHashMap<>();
      tcp.put("port", 8080);
      if (r.nextDouble() < 0.7) {
        tcp.put("host", host);
      }
      h.put("tcpSocket", tcp);
    } else if (kind == 2) {
      h.put("exec", Map.of("command", List.of("true")));
    } else if (lifecycle) {
      h.put("sleep", Map.of("seconds", 1));
    } else {
      h.put("grpc", Map.of("port", 9090));
    }
    return h;
  }

  private static Map<String, Object> containerTree(String name, SplittableRandom r, boolean nearCompliant, double p, boolean init) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("image", "img:1");
    if (init && r.nextDouble() < 0.3) {
      c.put("restartPolicy", "Always");
    }
    Map<String, Object> sc = new LinkedHashMap<>();
    if (r.nextDouble() < p / 2) {
      sc.put("privileged", r.nextDouble() < 0.7);
    }
    if (nearCompliant ? r.nextDouble() < 0.95 : r.nextDouble() < 0.6) {
      sc.put("allowPrivilegeEscalation", nearCompliant ? r.nextDouble() < 0.03 : r.nextDouble() < 0.3);
    }
    if (r.nextDouble() < p * 1.5) {
      sc.put("runAsNonRoot", r.nextDouble() < 0.6);
    }
    if (r.nextDouble() < p) {
      sc.put("runAsUser", Gen.oneOf(0, 1000, 0, 65534).next(r));
    }
    if (r.nextDouble() < p * 1.5) {
      sc.put("seccompProfile", seccompTree(Gen.oneOf(ALL_SECCOMP).next(r), r));
    }
    if (r.nextDouble() < p / 2) {
      sc.put("appArmorProfile", appArmorTree(Gen.oneOf(ALL_APPARMOR).next(r), r));
    }
    if (r.nextDouble() < p / 2) {
      sc.put("seLinuxOptions", seLinuxTree(r));
    }
    if (r.nextDouble() < p / 3) {
      sc.put("windowsOptions", Map.of("hostProcess", r.nextBoolean()));
    }
    if (r.nextDouble() < p / 2) {
      sc.put("procMount", Gen.oneOf("Default", "Unmasked", "Default", "").next(r));
    }
    Map<String, Object> caps = new LinkedHashMap<>();
    if (nearCompliant ? r.nextDouble() < 0.95 : r.nextDouble() < 0.6) {
      List<String> drop = new ArrayList<>();
      drop.add(nearCompliant && r.nextDouble() < 0.95 ? "ALL" : Gen.oneOf(ALL_DROPS).next(r));
      if (r.nextDouble() < 0.2) {
        drop.add(Gen.oneOf(ALL_DROPS).next(r));
      }
      caps.put("drop", drop);
    }
    if (r.nextDouble() < p) {
      List<String> add = new ArrayList<>();
      int n = 1 + r.nextInt(2);
      for (int i = 0; i < n; i++) {
        add.add(Gen.oneOf(ALL_CAPS).next(r));
      }
      caps.put("add", add);
    }
    if (!caps.isEmpty()) {
      sc.put("capabilities", caps);
    }
    if (!sc.isEmpty() || r.nextDouble() < 0.05) {
      c.put("securityContext", sc);
    }
    if (r.nextDouble() < p) {
      List<Object> ports = new ArrayList<>();
      int n = 1 + r.nextInt(2);
      for (int i = 0; i < n; i++) {
        Map<String, Object> port = new LinkedHashMap<>();
        port.put("containerPort", 8080 + i);
        if (r.nextDouble() < 0.8) {
          port.put("hostPort", Gen.oneOf(0, 80, 8080 + i, 9000).next(r));
        }
        ports.add(port);
      }
      c.put("ports", ports);
    }
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      if (r.nextDouble() < p / 2) {
        c.put(probe, handlerTree(r, false));
      }
    }
    if (r.nextDouble() < p / 2) {
      Map<String, Object> lc = new LinkedHashMap<>();
      if (r.nextBoolean()) {
        lc.put("postStart", handlerTree(r, true));
      }
      if (r.nextBoolean() || lc.isEmpty()) {
        lc.put("preStop", handlerTree(r, true));
      }
      c.put("lifecycle", lc);
    }
    return c;
  }
}
