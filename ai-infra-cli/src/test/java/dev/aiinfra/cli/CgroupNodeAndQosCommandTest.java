package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CgroupNodeAndQosCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void a_ready_node_exits_zero_with_the_kubelet_configuration() throws Exception {
    CliRun r = CliRun.run("cgroup", "node", "--kernel", "6.1", "--cgroup-driver", "systemd", "--runtime", "containerd:2.0", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode j = JSON.readTree(r.out);
    assertThat(j.get("ready").asBoolean()).isTrue();
    assertThat(j.at("/kubeletConfiguration/cgroupDriver").asText()).isEqualTo("systemd");
    assertThat(j.at("/kubeletConfiguration/failCgroupV1").asBoolean()).isTrue();
  }

  @Test
  void an_old_node_exits_one_naming_every_problem() throws Exception {
    CliRun r = CliRun.run("cgroup", "node", "--kernel", "5.4", "--cgroup-driver", "cgroupfs", "--runtime", "containerd:1.3", "--kubernetes-version", "1.30", "-o", "json");
    assertThat(r.exit).isEqualTo(1);
    JsonNode j = JSON.readTree(r.out);
    assertThat(j.get("ready").asBoolean()).isFalse();
    assertThat(j.get("diagnostics").toString()).contains("CGROUP_KERNEL_TOO_OLD", "CGROUP_DRIVER_NOT_SYSTEMD", "CGROUP_RUNTIME_TOO_OLD");
    assertThat(j.at("/kubeletConfiguration/failCgroupV1").isMissingNode()).isTrue();
  }

  @Test
  void qos_cgroups_for_two_pods() throws Exception {
    String pods = String.join("\n", "apiVersion: v1", "kind: Pod", "metadata: {name: a}", "spec:", "  containers:", "  - name: app", "    image: app:1",
        "    resources: {requests: {cpu: 500m}}", "---", "apiVersion: v1", "kind: Pod", "metadata: {name: b}", "spec:", "  containers:",
        "  - name: app", "    image: app:1", "    resources: {requests: {cpu: 500m}}", "");
    CliRun r = CliRun.withStdin(pods, "cgroup", "qos", "-f", "-", "--node-allocatable", "cpu=4,memory=16Gi", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode j = JSON.readTree(r.out);
    assertThat(j.at("/kubepods/cpuShares").asLong()).isEqualTo(4096);
    assertThat(j.at("/burstable/cpuShares").asLong()).isEqualTo(1024);
    assertThat(j.at("/burstable/cpu.weight").asLong()).isEqualTo(39);
    assertThat(j.at("/besteffort/cpuShares").asLong()).isEqualTo(2);
  }

  @Test
  void qos_needs_the_allocatable_cpu() {
    CliRun r = CliRun.withStdin("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: i}]}\n",
        "cgroup", "qos", "-f", "-", "--node-allocatable", "memory=1Gi");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("needs cpu=Q");
  }
}
