package dev.aiinfra.sandbox.policy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.sandbox.model.runtime.WorkloadNeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The runtime policy over every combination of needs (0–4 GPUs × confidential × full kernel × /dev/kvm), against a table oracle. */
class RuntimePolicyPropertiesTest {
  private static List<WorkloadNeeds> all() {
    List<WorkloadNeeds> out = new ArrayList<>();
    for (int gpus = 0; gpus <= 4; gpus++) {
      for (boolean confidential : new boolean[] {false, true}) {
        for (boolean fullKernel : new boolean[] {false, true}) {
          for (boolean kvm : new boolean[] {false, true}) {
            out.add(WorkloadNeeds.builder().gpus(gpus).confidential(confidential).fullKernel(fullKernel).nodesHaveVirtualisation(kvm).build());
          }
        }
      }
    }
    return out;
  }

  private static Optional<SandboxRuntime> oracle(WorkloadNeeds n) {
    boolean vm = n.gpus() > 0 || n.confidential() || n.fullKernel();
    if (!vm) {
      return Optional.of(SandboxRuntime.GVISOR);
    }
    if (!n.nodesHaveVirtualisation()) {
      return Optional.empty();
    }
    if (n.gpus() > 0) {
      return Optional.of(n.confidential() ? SandboxRuntime.KATA_NVIDIA_GPU_SNP : SandboxRuntime.KATA_NVIDIA_GPU);
    }
    return Optional.of(n.confidential() ? SandboxRuntime.KATA_SNP : SandboxRuntime.KATA);
  }

  @Test
  void every_combination_agrees_with_the_table_and_explains_itself() {
    for (WorkloadNeeds n : all()) {
      RuntimeChoice c = RuntimePolicy.choose(n);
      assertThat(c.runtime()).as("%s", n).isEqualTo(oracle(n));
      assertThat(c.reasons()).as("%s", n).isNotEmpty();
      assertThat(c.reasons()).allSatisfy(d -> assertThat(d.message()).isNotBlank());
      assertThat(c.reasons().stream().anyMatch(Diagnostic::isError)).isEqualTo(c.runtime().isEmpty());
      assertThat(RuntimePolicy.choose(n)).isEqualTo(c);
    }
  }

  @Test
  void adding_a_need_never_moves_a_vm_workload_back_to_gvisor() {
    for (WorkloadNeeds n : all()) {
      Optional<SandboxRuntime> before = RuntimePolicy.choose(n).runtime();
      for (WorkloadNeeds more : List.of(n.withGpus(n.gpus() + 1), n.withConfidential(true), n.withFullKernel(true))) {
        Optional<SandboxRuntime> after = RuntimePolicy.choose(more).runtime();
        assertThat(after).as("%s -> %s", n, more).isNotEqualTo(Optional.of(SandboxRuntime.GVISOR));
        if (before.isEmpty()) {
          assertThat(after).isEmpty();
        }
      }
    }
  }
}
