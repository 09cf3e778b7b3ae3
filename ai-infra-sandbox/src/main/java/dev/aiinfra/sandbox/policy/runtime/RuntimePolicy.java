package dev.aiinfra.sandbox.policy.runtime;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.sandbox.model.SandboxCode;
import dev.aiinfra.sandbox.model.runtime.WorkloadNeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks the sandbox runtime for untrusted code: gVisor unless the workload needs something only a
 * VM gives — GPU passthrough (Kata's NVIDIA GPU class), confidential computing (Kata SEV-SNP
 * classes) or the full Linux syscall surface (Kata). Kata needs hardware virtualisation on the
 * nodes; without it nothing fits and the reason says so.
 */
public final class RuntimePolicy {
  private RuntimePolicy() {}

  public static RuntimeChoice choose(WorkloadNeeds n) {
    List<Diagnostic> why = new ArrayList<>();
    boolean needsVm = n.gpus() > 0 || n.confidential() || n.fullKernel();
    if (!needsVm) {
      why.add(Diagnostic.info(SandboxCode.RUNTIME_GVISOR_DEFAULT,
          "no GPU, confidential computing or full-kernel need: gVisor isolates the syscall surface without a VM, starts fastest and costs no pod overhead"));
      return new RuntimeChoice(Optional.of(SandboxRuntime.GVISOR), why);
    }
    if (!n.nodesHaveVirtualisation()) {
      why.add(Diagnostic.builder().code(SandboxCode.RUNTIME_NO_VIRTUALISATION)
          .message("the workload needs " + vmReason(n) + ", which only Kata's VM gives, but the nodes expose no hardware virtualisation (/dev/kvm)")
          .hint("use bare-metal nodes or instances with nested virtualisation, or drop the requirement").build());
      return new RuntimeChoice(Optional.empty(), why);
    }
    SandboxRuntime r;
    if (n.gpus() > 0) {
      r = n.confidential() ? SandboxRuntime.KATA_NVIDIA_GPU_SNP : SandboxRuntime.KATA_NVIDIA_GPU;
      if (n.confidential() && n.gpus() > 1) {
        why.add(Diagnostic.warning(SandboxCode.RUNTIME_CONFIDENTIAL_ONE_GPU,
            "confidential GPU passthrough supports one GPU per pod (Kata's NVIDIA TEE support); " + n.gpus() + " were asked for"));
      }
    } else if (n.confidential()) {
      r = SandboxRuntime.KATA_SNP;
    } else {
      r = SandboxRuntime.KATA;
    }
    why.add(Diagnostic.info(n.gpus() > 0 ? SandboxCode.RUNTIME_KATA_GPU : n.confidential() ? SandboxCode.RUNTIME_KATA_CONFIDENTIAL : SandboxCode.RUNTIME_KATA_FULL_KERNEL,
        "the workload needs " + vmReason(n) + ": Kata runs the pod in a lightweight VM (" + r.runtimeClassName() + ")"));
    return new RuntimeChoice(Optional.of(r), why);
  }

  private static String vmReason(WorkloadNeeds n) {
    List<String> parts = new ArrayList<>();
    if (n.gpus() > 0) {
      parts.add(n.gpus() + " GPU(s) passed through");
    }
    if (n.confidential()) {
      parts.add("confidential computing");
    }
    if (n.fullKernel()) {
      parts.add("the full Linux syscall surface");
    }
    return String.join(" and ", parts);
  }
}
