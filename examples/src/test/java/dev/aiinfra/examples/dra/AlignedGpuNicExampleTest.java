package dev.aiinfra.examples.dra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.dra.policy.AllocationOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlignedGpuNicExampleTest {
  @Test
  void the_aligned_node_fits_and_the_other_names_the_unmet_pcie_constraints() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<AllocationOutcome> outcomes = AlignedGpuNicExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(outcomes).extracting(AllocationOutcome::node).containsExactly("aligned", "misaligned");
    assertThat(outcomes.get(0).satisfiable()).isTrue();
    assertThat(outcomes.get(0).claims().get(0).allocation().results()).hasSize(16);
    assertThat(outcomes.get(1).satisfiable()).isFalse();
    assertThat(outcomes.get(1).reasons()).extracting(Diagnostic::code).containsExactly("DRA_CONSTRAINTS_CONFLICT");
    assertThat(outcomes.get(1).reasons().get(0).message()).contains("4 constraint(s)").contains("over [gpu-4, nic-4]");
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("kind: ResourceClaimTemplate").contains("matchAttribute: resource.kubernetes.io/pcieRoot")
        .contains("resourceClaimTemplateName: gpu-nic-pairs").contains("## node misaligned: does not fit");
  }
}
