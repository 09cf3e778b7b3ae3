package dev.aiinfra.sandbox.policy.runtime;

import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.sandbox.model.runtime.RuntimeClassSpec;
import java.util.Map;

/**
 * The sandbox runtimes and their RuntimeClasses. Kata's classes follow kata-deploy's
 * ({@code tools/packaging/kata-deploy/runtimeclasses}, e.g. {@code kata-qemu}: overhead 250m CPU and
 * 160Mi, nodes labelled {@code katacontainers.io/kata-runtime=true}); gVisor's handler is
 * {@code runsc}. Overheads are defaults to be measured on the target nodes.
 */
public enum SandboxRuntime {
  /** gVisor: a user-space kernel; no VM, fast start, small overhead, partial syscall coverage. */
  GVISOR("gvisor", "runsc", ResourceList.empty(), Map.of()),
  /** Kata Containers with QEMU: a lightweight VM per pod. */
  KATA("kata-qemu", "kata-qemu", ResourceList.of("cpu", "250m", "memory", "160Mi"), Map.of("katacontainers.io/kata-runtime", "true")),
  /** Kata with NVIDIA GPU passthrough (VFIO) into the VM. */
  KATA_NVIDIA_GPU("kata-qemu-nvidia-gpu", "kata-qemu-nvidia-gpu", ResourceList.of("cpu", "1", "memory", "98304Mi"), Map.of("katacontainers.io/kata-runtime", "true")),
  /** Kata with GPU passthrough inside an AMD SEV-SNP confidential VM. */
  KATA_NVIDIA_GPU_SNP("kata-qemu-nvidia-gpu-snp", "kata-qemu-nvidia-gpu-snp", ResourceList.of("cpu", "1", "memory", "98304Mi"), Map.of("katacontainers.io/kata-runtime", "true")),
  /** Kata in an AMD SEV-SNP confidential VM. */
  KATA_SNP("kata-qemu-snp", "kata-qemu-snp", ResourceList.of("cpu", "1", "memory", "2048Mi"), Map.of("katacontainers.io/kata-runtime", "true"));

  private final String className;
  private final String handler;
  private final ResourceList overhead;
  private final Map<String, String> nodeSelector;

  SandboxRuntime(String className, String handler, ResourceList overhead, Map<String, String> nodeSelector) {
    this.className = className;
    this.handler = handler;
    this.overhead = overhead;
    this.nodeSelector = nodeSelector;
  }

  public String runtimeClassName() {
    return className;
  }

  /** The RuntimeClass to install for this runtime (overhead and node selector can be replaced with {@code with...}). */
  public RuntimeClassSpec runtimeClass() {
    return RuntimeClassSpec.builder().name(className).handler(handler).overhead(overhead).nodeSelector(nodeSelector).build();
  }
}
