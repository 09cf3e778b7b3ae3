package dev.aiinfra.examples.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.sandbox.policy.cgroup.QosClass;
import dev.aiinfra.sandbox.policy.cgroup.PodCgroup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CgroupExampleTest {
  @Test
  void a_sidecar_without_limits_makes_the_pod_burstable_with_no_pod_cpu_limit() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PodCgroup c = CgroupExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(c.qos()).isEqualTo(QosClass.Burstable);
    assertThat(c.podCpuMax()).isEmpty();
    assertThat(c.containers().get(0).cpuMax()).contains("800000 100000");
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("kind: Pod", "# pod (Burstable)", "# server: cpu.weight");
  }
}
