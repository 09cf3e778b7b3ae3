package dev.aiinfra.sandbox.model;

import dev.aiinfra.core.model.DiagnosticCode;

/**
 * The diagnostic codes of {@code ai-infra-sandbox}: the sandbox runtime choice (RuntimeClass: gVisor,
 * Kata Containers), pod hardening (user namespaces, KEP-127) and node readiness for cgroup v2
 * (KEP-2254 Memory QoS, KEP-5573 failCgroupV1). Each constant says what the finding means and what to
 * do about it.
 */
public enum SandboxCode implements DiagnosticCode {
  // ---- runtime choice ----
  /** No GPU, confidential computing or full-kernel need: gVisor isolates the syscall surface without a VM. A note. */
  RUNTIME_GVISOR_DEFAULT,
  /**
   * The workload needs a VM (GPU, confidential computing or a full kernel) but the nodes expose no
   * hardware virtualisation ({@code /dev/kvm}). Use bare-metal nodes or nested virtualisation, or drop the requirement.
   */
  RUNTIME_NO_VIRTUALISATION,
  /** Confidential GPU passthrough supports one GPU per pod, and more were asked for. Ask for one GPU per pod. */
  RUNTIME_CONFIDENTIAL_ONE_GPU,
  /** GPUs need Kata's VM with GPU passthrough; the RuntimeClass is named in the message. A note. */
  RUNTIME_KATA_GPU,
  /** Confidential computing needs Kata's confidential VM (SEV-SNP). A note. */
  RUNTIME_KATA_CONFIDENTIAL,
  /** A full kernel needs Kata's VM. A note. */
  RUNTIME_KATA_FULL_KERNEL,
  // ---- hardening ----
  /**
   * {@code hostUsers: false} is not set: the UserNamespacesSupport gate is off or the runtime does not
   * advertise user-namespace support. The sandbox runtime's own isolation applies instead. A note.
   */
  HARDENING_NO_USER_NAMESPACE,
  /**
   * {@code hostUsers: false} was asked for but the gate is off or the runtime does not support user
   * namespaces: the kubelet refuses the pod. Turn the setting off or use a runtime that supports it.
   */
  HARDENING_USER_NAMESPACE_UNSUPPORTED,
  /** A host namespace ({@code hostNetwork}, {@code hostPID}, {@code hostIPC}) cannot be combined with {@code hostUsers: false}: the API server rejects the pod. */
  HARDENING_USER_NAMESPACE_WITH_HOST_NAMESPACE,
  /**
   * The template sets a field the hardening preset would set differently, and the user's value is kept.
   * Remove it from the template or turn the preset setting off; Pod Security restricted reports it.
   */
  HARDENING_USER_VALUE_KEPT,
  // ---- node readiness for cgroup v2 ----
  /** The kernel version is not {@code major.minor}. Give the output of {@code uname -r}. */
  CGROUP_KERNEL_VERSION,
  /** The kernel is older than 5.8, the minimum for cgroup v2 with Kubernetes. Upgrade the kernel. */
  CGROUP_KERNEL_TOO_OLD,
  /** The kernel is older than 5.9: {@code memory.low} (TieredReservation) may not protect memory as expected. */
  CGROUP_KERNEL_MEMORY_LOW,
  /** The cgroup driver is neither systemd nor cgroupfs. Use systemd. */
  CGROUP_DRIVER_UNKNOWN,
  /** The cgroupfs driver: on cgroup v2 the kubelet and the runtime should both use the systemd cgroup driver. */
  CGROUP_DRIVER_NOT_SYSTEMD,
  /** The runtime is not {@code containerd:X.Y} or {@code cri-o:X.Y}. Give the CRI runtime and its version. */
  CGROUP_RUNTIME_UNKNOWN,
  /** The runtime predates cgroup v2 support (containerd 1.4, CRI-O 1.20). Upgrade it. */
  CGROUP_RUNTIME_TOO_OLD,
  /** The runtime predates Memory QoS (containerd 1.6, CRI-O 1.22): {@code memory.min/low/high} are not applied. Upgrade it. */
  CGROUP_RUNTIME_NO_MEMORY_QOS,
  /** {@code failCgroupV1}: from 1.35 the kubelet refuses to start on a cgroup v1 host (before, set it to catch such hosts). A note. */
  CGROUP_FAIL_V1
}
