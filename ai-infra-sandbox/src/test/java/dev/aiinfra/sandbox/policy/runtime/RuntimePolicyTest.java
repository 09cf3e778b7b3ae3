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
  void plain_untrusted_code_runs_under_gvisor() {
    RuntimeChoice c = RuntimePolicy.choose(WorkloadNeeds.builder().build());
    assertThat(c.runtime()).contains(SandboxRuntime.GVISOR);
    assertThat(c.reasons()).extracting(Diagnostic::code).containsExactly("RUNTIME_GVISOR_DEFAULT");
  }

  @Test
  void gpu_passthrough_needs_katas_gpu_class() {
    RuntimeChoice c = RuntimePolicy.choose(WorkloadNeeds.builder().gpus(1).build());
    assertThat(c.runtime()).contains(SandboxRuntime.KATA_NVIDIA_GPU);
    assertThat(c.runtime().get().runtimeClassName()).isEqualTo("kata-qemu-nvidia-gpu");
    assertThat(c.reasons().get(0).message()).contains("1 GPU(s) passed through");
  }

  @Test
  void confidential_gpu_workloads_use_the_snp_gpu_class_and_one_gpu() {
    RuntimeChoice c = RuntimePolicy.choose(WorkloadNeeds.builder().gpus(2).confidential(true).build());
    assertThat(c.runtime()).contains(SandboxRuntime.KATA_NVIDIA_GPU_SNP);
    assertThat(c.reasons()).extracting(Diagnostic::code).contains("RUNTIME_CONFIDENTIAL_ONE_GPU");
  }

  @Test
  void full_kernel_needs_and_confidentiality_pick_kata() {
    assertThat(RuntimePolicy.choose(WorkloadNeeds.builder().fullKernel(true).build()).runtime()).contains(SandboxRuntime.KATA);
    assertThat(RuntimePolicy.choose(WorkloadNeeds.builder().confidential(true).build()).runtime()).contains(SandboxRuntime.KATA_SNP);
  }

  @Test
  void without_virtualisation_a_vm_need_cannot_be_met() {
    RuntimeChoice c = RuntimePolicy.choose(WorkloadNeeds.builder().gpus(1).nodesHaveVirtualisation(false).build());
    assertThat(c.runtime()).isEmpty();
    assertThat(c.reasons()).extracting(Diagnostic::code).containsExactly("RUNTIME_NO_VIRTUALISATION");
    assertThat(c.reasons().get(0).isError()).isTrue();
  }

  @Test
  void runtime_classes_render_with_overhead_and_scheduling() {
    String yaml = ManifestBundle.of(RuntimeClassRenderer.render(SandboxRuntime.KATA_NVIDIA_GPU.runtimeClass()),
        RuntimeClassRenderer.render(SandboxRuntime.GVISOR.runtimeClass())).toYaml();
    Golden.assertMatches("runtimeclasses.yaml", yaml);
    assertThat(yaml).contains("handler: runsc").contains("handler: kata-qemu-nvidia-gpu").contains("katacontainers.io/kata-runtime");
  }
}
