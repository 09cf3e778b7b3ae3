package dev.aiinfra.sandbox.policy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.sandbox.model.runtime.WorkloadNeeds;
import dev.aiinfra.sandbox.render.runtime.RuntimeClassRenderer;
import org.junit.jupiter.api.Test;

class RuntimePolicyTest {
  @Test
  void plainUntrustedCodeRunsUnderGvisor() {
    RuntimeChoice c = RuntimePolicy.choose(WorkloadNeeds.builder().build());
    assertThat(c.runtime()).contains(SandboxRuntime.GVISOR);
    assertThat(c.reasons()).extracting(Diagnostic::code).containsExactly("RUNTIME_GVISOR_DEFAULT");
  }

  @Test
  void gpuPassthroughNeedsKatasGpuClass() {
    RuntimeChoice c = RuntimePolicy.choose(WorkloadNeeds.builder().gpus(1).build());
    assertThat(c.runtime()).contains(SandboxRuntime.KATA_NVIDIA_GPU);
    assertThat(c.runtime().get().runtimeClassName()).isEqualTo("kata-qemu-nvidia-gpu");
    assertThat(c.reasons().get(0).message()).contains("1 GPU(s) passed through");
  }

  @Test
  void confidentialGpuWorkloadsUseTheSnpGpuClassAndOneGpu() {
    RuntimeChoice c = RuntimePolicy.choose(WorkloadNeeds.builder().gpus(2).confidential(true).build());
    assertThat(c.runtime()).contains(SandboxRuntime.KATA_NVIDIA_GPU_SNP);
    assertThat(c.reasons()).extracting(Diagnostic::code).contains("RUNTIME_CONFIDENTIAL_ONE_GPU");
  }

  @Test
  void fullKernelNeedsAndConfidentialityPickKata() {
    assertThat(RuntimePolicy.choose(WorkloadNeeds.builder().fullKernel(true).build()).runtime()).contains(SandboxRuntime.KATA);
    assertThat(RuntimePolicy.choose(WorkloadNeeds.builder().confidential(true).build()).runtime()).contains(SandboxRuntime.KATA_SNP);
  }

  @Test
  void withoutVirtualisationAVmNeedCannotBeMet() {
    RuntimeChoice c = RuntimePolicy.choose(WorkloadNeeds.builder().gpus(1).nodesHaveVirtualisation(false).build());
    assertThat(c.runtime()).isEmpty();
    assertThat(c.reasons()).extracting(Diagnostic::code).containsExactly("RUNTIME_NO_VIRTUALISATION");
    assertThat(c.reasons().get(0).isError()).isTrue();
  }

  @Test
  void runtimeClassesRenderWithOverheadAndScheduling() {
    String yaml = ManifestBundle.of(RuntimeClassRenderer.render(SandboxRuntime.KATA_NVIDIA_GPU.runtimeClass()),
        RuntimeClassRenderer.render(SandboxRuntime.GVISOR.runtimeClass())).toYaml();
    Golden.assertMatches("runtimeclasses.yaml", yaml);
    assertThat(yaml).contains("handler: runsc").contains("handler: kata-qemu-nvidia-gpu").contains("katacontainers.io/kata-runtime");
  }
}
