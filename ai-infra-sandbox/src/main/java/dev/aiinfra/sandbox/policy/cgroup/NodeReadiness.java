package dev.aiinfra.sandbox.policy.cgroup;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.FieldPath;
import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.Severity;
import dev.aiinfra.core.model.profile.ClusterProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a node is ready for cgroup v2 ("About cgroup v2", kubernetes.io): kernel ≥ 5.8, kubelet
 * and runtime on the systemd cgroup driver, containerd ≥ 1.4 or CRI-O ≥ 1.20; Memory QoS wants
 * containerd ≥ 1.6 / CRI-O ≥ 1.22 and tiered reservation a kernel ≥ 5.9; the kubelet refuses cgroup
 * v1 hosts from 1.35 ({@code failCgroupV1} defaults to true). Returns the diagnostics and the
 * KubeletConfiguration fields to apply.
 */
public final class NodeReadiness {
  private NodeReadiness() {}

  /** The verdict. */
  public record Result(boolean ready, List<Diagnostic> diagnostics, Map<String, Object> kubeletConfiguration) {}

  /**
   * {@link #check(String, String, String, int)} for a node of the profile's cluster: its CRI runtime
   * ({@link ClusterProfile#criRuntime()}, required) and Kubernetes minor.
   */
  public static Result check(String kernel, String cgroupDriver, ClusterProfile profile) {
    String runtime = profile.criRuntime().map(Object::toString).orElseThrow(() -> new InvalidSpecException(List.of(
        FieldViolation.required(FieldPath.of("runtimes"), "name the CRI runtime and its version, e.g. containerd:2.0 or cri-o:1.31"))));
    return check(kernel, cgroupDriver, runtime, profile.kubernetesVersion().minor());
  }

  /**
   * @param kernel {@code major.minor[.patch]}
   * @param cgroupDriver {@code systemd} or {@code cgroupfs}
   * @param runtime {@code containerd:2.0}, {@code cri-o:1.30}, …
   * @param kubernetesMinor 1.x
   */
  public static Result check(String kernel, String cgroupDriver, String runtime, int kubernetesMinor) {
    List<Diagnostic> d = new ArrayList<>();
    int[] k = version(kernel);
    if (k == null) {
      d.add(error("CGROUP_KERNEL_VERSION", "kernel version " + kernel + " is not major.minor", "give the output of uname -r, e.g. 6.1"));
    } else if (compare(k, 5, 8) < 0) {
      d.add(error("CGROUP_KERNEL_TOO_OLD", "kernel " + kernel + " is older than 5.8, the minimum for cgroup v2 with Kubernetes", "upgrade the kernel"));
    } else if (compare(k, 5, 9) < 0) {
      d.add(Diagnostic.builder().code("CGROUP_KERNEL_MEMORY_LOW").severity(Severity.WARNING)
          .message("kernel " + kernel + " is older than 5.9: the kubelet warns that memory.low (TieredReservation) may not protect memory as expected").build());
    }
    String driver = cgroupDriver.toLowerCase(Locale.ROOT);
    if (!driver.equals("systemd") && !driver.equals("cgroupfs")) {
      d.add(error("CGROUP_DRIVER_UNKNOWN", "cgroup driver " + cgroupDriver + " is neither systemd nor cgroupfs", "use systemd"));
    } else if (driver.equals("cgroupfs")) {
      d.add(error("CGROUP_DRIVER_NOT_SYSTEMD", "the cgroupfs driver: on cgroup v2 the kubelet and the runtime should both use the systemd cgroup driver",
          "set cgroupDriver: systemd in the KubeletConfiguration and SystemdCgroup = true (containerd) or cgroup_manager = \"systemd\" (CRI-O)"));
    }
    String[] rt = runtime.split(":", 2);
    int[] rv = rt.length == 2 ? version(rt[1]) : null;
    String name = rt[0].toLowerCase(Locale.ROOT);
    if (rv == null || !(name.equals("containerd") || name.equals("cri-o") || name.equals("crio"))) {
      d.add(error("CGROUP_RUNTIME_UNKNOWN", "runtime " + runtime + " is not containerd:X.Y or cri-o:X.Y", "give the CRI runtime and its version"));
    } else {
      boolean containerd = name.equals("containerd");
      int[] min = containerd ? new int[] {1, 4} : new int[] {1, 20};
      int[] qos = containerd ? new int[] {1, 6} : new int[] {1, 22};
      if (compare(rv, min[0], min[1]) < 0) {
        d.add(error("CGROUP_RUNTIME_TOO_OLD", runtime + " does not support cgroup v2 (needs " + name + " " + min[0] + "." + min[1] + " or later)", "upgrade the runtime"));
      } else if (compare(rv, qos[0], qos[1]) < 0) {
        d.add(Diagnostic.builder().code("CGROUP_RUNTIME_NO_MEMORY_QOS").severity(Severity.WARNING)
            .message(runtime + " predates Memory QoS support (" + name + " " + qos[0] + "." + qos[1] + "): memory.min/low/high are not applied").build());
      }
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("apiVersion", "kubelet.config.k8s.io/v1beta1");
    config.put("kind", "KubeletConfiguration");
    config.put("cgroupDriver", "systemd");
    if (kubernetesMinor >= 31) {
      config.put("failCgroupV1", true);
      d.add(Diagnostic.info("CGROUP_FAIL_V1", kubernetesMinor >= 35
          ? "from 1.35 failCgroupV1 defaults to true: the kubelet refuses to start on a cgroup v1 host"
          : "failCgroupV1 exists since 1.31 and defaults to false before 1.35; set it to catch hosts still on cgroup v1"));
    }
    boolean ready = d.stream().noneMatch(Diagnostic::isError);
    return new Result(ready, d, config);
  }

  private static Diagnostic error(String code, String message, String hint) {
    return Diagnostic.builder().code(code).message(message).hint(hint).build();
  }

  private static int[] version(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("v?(\\d+)\\.(\\d+)(?:[.\\-+].*)?").matcher(text.trim());
    return m.matches() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
  }

  private static int compare(int[] v, int major, int minor) {
    return v[0] != major ? Integer.compare(v[0], major) : Integer.compare(v[1], minor);
  }
}
