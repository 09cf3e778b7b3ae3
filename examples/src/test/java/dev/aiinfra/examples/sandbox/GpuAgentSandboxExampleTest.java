package dev.aiinfra.examples.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.sandbox.model.pss.PodSecurityLevel;
import dev.aiinfra.sandbox.policy.cgroup.QosClass;
import dev.aiinfra.sandbox.policy.runtime.SandboxRuntime;
import dev.aiinfra.sandbox.policy.warmpool.WarmPoolSizing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GpuAgentSandboxExampleTest {
  @Test
  void a_gpu_agent_runs_under_kata_with_a_warm_pool_meeting_the_target_and_passes_restricted() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GpuAgentSandboxExample.Outcome o = GpuAgentSandboxExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(o.runtime()).isEqualTo(SandboxRuntime.KATA_NVIDIA_GPU);
    // the smallest pool meeting 1 %: it meets the target and one less does not
    assertThat(WarmPoolSizing.waitProbability(50, 2, 20, o.poolSize())).isLessThanOrEqualTo(0.01);
    assertThat(WarmPoolSizing.waitProbability(50, 2, 20, o.poolSize() - 1)).isGreaterThan(0.01);
    assertThat(o.review().allowed(PodSecurityLevel.RESTRICTED)).isTrue();
    assertThat(o.cgroups().qos()).isEqualTo(QosClass.Guaranteed);
    // 4 CPUs + Kata GPU overhead of 1 CPU on the pod cgroup; the container keeps its own 4
    assertThat(o.cgroups().podCpuMax()).contains("500000 100000");
    assertThat(o.cgroups().containers().get(0).cpuMax()).contains("400000 100000");
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("kind: RuntimeClass", "kind: SandboxTemplate", "kind: SandboxWarmPool", "replicas: " + o.poolSize(),
        "kind: SandboxClaim", "runtimeClassName: kata-qemu-nvidia-gpu", "HARDENING_NO_USER_NAMESPACE", "pod security restricted:latest: allowed",
        "cpu.weight");
  }
}
