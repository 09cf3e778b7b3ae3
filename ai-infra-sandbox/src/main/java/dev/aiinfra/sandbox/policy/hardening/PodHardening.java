package dev.aiinfra.sandbox.policy.hardening;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.FeatureGate;
import dev.aiinfra.core.model.workload.ContainerSpec;
import dev.aiinfra.core.model.workload.PodTemplate;
import dev.aiinfra.sandbox.model.SandboxCode;
import dev.aiinfra.sandbox.model.hardening.Hardening;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the {@link Hardening} preset into a pod template as ordinary pod-spec fields (so the YAML
 * shows them): pod {@code securityContext} (runAsNonRoot, seccomp RuntimeDefault, optional fixed
 * UID), every container's {@code securityContext} (drop ALL, no privilege escalation, read-only
 * root), an {@code emptyDir} at {@code /tmp}, {@code automountServiceAccountToken: false} and
 * {@code hostUsers: false} where the runtime supports user namespaces (KEP-127). A value the user set
 * is never replaced; a non-compliant one is reported so the Pod Security check's denial is expected.
 */
public final class PodHardening {
  static final String TMP_VOLUME = "tmp";

  private PodHardening() {}

  /**
   * @param runtimeClassName the pod's RuntimeClass; empty for the node's default handler (runc/crun)
   */
  public static HardenedPod harden(PodTemplate template, Hardening h, ClusterProfile profile, Optional<String> runtimeClassName) {
    Objects.requireNonNull(template, "template");
    List<Diagnostic> why = new ArrayList<>();
    Map<String, Object> spec = new LinkedHashMap<>(template.extraFields());
    Map<String, Object> podSc = map(spec.get("securityContext"));
    if (h.runAsNonRoot()) {
      setOrReport(podSc, "runAsNonRoot", true, "spec.securityContext", why);
    }
    h.runAsUser().ifPresent(uid -> {
      setOrReport(podSc, "runAsUser", uid, "spec.securityContext", why);
      setOrReport(podSc, "runAsGroup", uid, "spec.securityContext", why);
      setOrReport(podSc, "fsGroup", uid, "spec.securityContext", why);
    });
    if (h.seccompRuntimeDefault()) {
      Object existing = podSc.get("seccompProfile");
      String type = existing instanceof Map<?, ?> m && m.get("type") != null ? String.valueOf(m.get("type")) : null;
      if (existing == null) {
        podSc.put("seccompProfile", Map.of("type", "RuntimeDefault"));
      } else if (!"RuntimeDefault".equals(type) && !"Localhost".equals(type)) {
        why.add(kept("spec.securityContext.seccompProfile", type, "RuntimeDefault"));
      }
    }
    if (!podSc.isEmpty()) {
      spec.put("securityContext", podSc);
    }
    if (h.noServiceAccountToken()) {
      setOrReport(spec, "automountServiceAccountToken", false, "spec", why);
    }
    userNamespace(h, profile, runtimeClassName, spec, why);
    boolean tmp = h.readOnlyRootFilesystem() && h.writableTmp() && addTmpVolume(spec);
    List<ContainerSpec> init = new ArrayList<>();
    for (int i = 0; i < template.initContainers().size(); i++) {
      init.add(container(template.initContainers().get(i), h, tmp, "spec.initContainers[" + i + "]", why));
    }
    List<ContainerSpec> containers = new ArrayList<>();
    for (int i = 0; i < template.containers().size(); i++) {
      containers.add(container(template.containers().get(i), h, tmp, "spec.containers[" + i + "]", why));
    }
    PodTemplate hardened = PodTemplate.builder().from(template).initContainers(init).containers(containers).extraFields(spec).build();
    return new HardenedPod(hardened, why);
  }

  /**
   * Only runc-type handlers report user-namespace support to the kubelet today (containerd introspects
   * runc alone); gVisor and Kata pods with {@code hostUsers: false} are rejected (google/gvisor#13303).
   */
  static boolean supportsUserNamespaces(Optional<String> runtimeClassName) {
    return runtimeClassName.isEmpty() || runtimeClassName.get().equals("runc") || runtimeClassName.get().equals("crun");
  }

  private static void userNamespace(Hardening h, ClusterProfile profile, Optional<String> runtime, Map<String, Object> spec,
      List<Diagnostic> why) {
    boolean gate = profile.isEnabled(FeatureGate.UserNamespacesSupport);
    boolean runtimeSupports = supportsUserNamespaces(runtime);
    boolean want = h.userNamespace().orElse(gate && runtimeSupports);
    if (h.userNamespace().isEmpty() && !want) {
      why.add(Diagnostic.builder().code(SandboxCode.HARDENING_NO_USER_NAMESPACE).severity(Severity.INFO).path("spec.hostUsers")
          .message(!gate ? "hostUsers: false is not set: the UserNamespacesSupport feature gate is off in the cluster profile"
              : "hostUsers: false is not set: the " + runtime.get()
                  + " runtime does not advertise user-namespace support to the kubelet, which would reject the pod")
          .hint("The sandbox runtime's own isolation (gVisor's user-space kernel or the Kata VM) applies instead; "
              + "set Hardening.userNamespace(true) only for runc/crun nodes with containerd 2.0+ and Linux 6.3+")
          .build());
      return;
    }
    if (!want) {
      return;
    }
    if (h.userNamespace().isPresent() && (!gate || !runtimeSupports)) {
      why.add(Diagnostic.builder().code(SandboxCode.HARDENING_USER_NAMESPACE_UNSUPPORTED).severity(Severity.WARNING).path("spec.hostUsers")
          .message("hostUsers: false was requested but " + (!gate ? "the UserNamespacesSupport gate is off"
              : "the " + runtime.get() + " runtime does not support user namespaces")
              + "; the kubelet will refuse to create the pod")
          .build());
    }
    for (String hostField : List.of("hostNetwork", "hostPID", "hostIPC")) {
      if (Boolean.TRUE.equals(spec.get(hostField))) {
        why.add(Diagnostic.builder().code(SandboxCode.HARDENING_USER_NAMESPACE_WITH_HOST_NAMESPACE).severity(Severity.WARNING).path("spec." + hostField)
            .message(hostField + ": true cannot be combined with hostUsers: false; the API server rejects the pod").build());
      }
    }
    setOrReport(spec, "hostUsers", false, "spec", why);
  }

  private static boolean addTmpVolume(Map<String, Object> spec) {
    List<Object> volumes = new ArrayList<>(list(spec.get("volumes")));
    for (Object v : volumes) {
      if (v instanceof Map<?, ?> m && TMP_VOLUME.equals(m.get("name"))) {
        return true;
      }
    }
    Map<String, Object> tmp = new LinkedHashMap<>();
    tmp.put("name", TMP_VOLUME);
    tmp.put("emptyDir", Map.of());
    volumes.add(tmp);
    spec.put("volumes", volumes);
    return true;
  }

  private static ContainerSpec container(ContainerSpec c, Hardening h, boolean tmp, String at, List<Diagnostic> why) {
    Map<String, Object> extra = new LinkedHashMap<>(c.extraFields());
    Map<String, Object> sc = map(extra.get("securityContext"));
    String scAt = at + ".securityContext";
    if (h.noPrivilegeEscalation()) {
      setOrReport(sc, "allowPrivilegeEscalation", false, scAt, why);
    }
    if (h.readOnlyRootFilesystem()) {
      setOrReport(sc, "readOnlyRootFilesystem", true, scAt, why);
    }
    if (Boolean.TRUE.equals(sc.get("privileged"))) {
      why.add(kept(scAt + ".privileged", true, "unset"));
    }
    if (h.dropAllCapabilities()) {
      Map<String, Object> caps = map(sc.get("capabilities"));
      List<Object> drop = new ArrayList<>(list(caps.get("drop")));
      if (!drop.contains("ALL")) {
        drop.add("ALL");
      }
      caps.put("drop", drop);
      for (Object add : list(caps.get("add"))) {
        if (!"NET_BIND_SERVICE".equals(add)) {
          why.add(kept(scAt + ".capabilities.add", add, "only NET_BIND_SERVICE"));
        }
      }
      sc.put("capabilities", caps);
    }
    if (!sc.isEmpty()) {
      extra.put("securityContext", sc);
    }
    if (tmp) {
      List<Object> mounts = new ArrayList<>(list(extra.get("volumeMounts")));
      boolean mounted = mounts.stream().anyMatch(m -> m instanceof Map<?, ?> mm && ("/tmp".equals(mm.get("mountPath")) || TMP_VOLUME.equals(mm.get("name"))));
      if (!mounted) {
        Map<String, Object> mount = new LinkedHashMap<>();
        mount.put("name", TMP_VOLUME);
        mount.put("mountPath", "/tmp");
        mounts.add(mount);
        extra.put("volumeMounts", mounts);
      }
    }
    return ContainerSpec.builder().from(c).extraFields(extra).build();
  }

  private static void setOrReport(Map<String, Object> target, String key, Object value, String at, List<Diagnostic> why) {
    Object existing = target.get(key);
    if (existing == null) {
      target.put(key, value);
    } else if (!String.valueOf(existing).equals(String.valueOf(value))) {
      why.add(kept(at + "." + key, existing, value));
    }
  }

  private static Diagnostic kept(String path, Object userValue, Object presetValue) {
    return Diagnostic.builder().code(SandboxCode.HARDENING_USER_VALUE_KEPT).severity(Severity.WARNING).path(path)
        .message(path + " is " + userValue + " in the template; the preset would set " + presetValue + " and leaves the user's value")
        .hint("The Pod Security restricted check will report this field; remove it from the template or turn the preset setting off")
        .build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }
}
