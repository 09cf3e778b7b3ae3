package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CgroupPodCommandTest {
  private static final String POD = String.join("\n", "apiVersion: v1", "kind: Pod", "metadata: {name: web}", "spec:", "  containers:",
      "  - name: app", "    image: app:1", "    resources:", "      requests: {cpu: 250m, memory: 512Mi}", "      limits: {cpu: \"1\", memory: 1Gi}", "");

  @Test
  void a_burstable_pod_on135_with_memory_qos() throws Exception {
    CliRun r = CliRun.withStdin(POD, "cgroup", "pod", "-f", "-", "--kubernetes-version", "1.35", "--memory-qos", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out);
    assertThat(j.get("qos").asText()).isEqualTo("Burstable");
    assertThat(j.at("/pod/cpuShares").asLong()).isEqualTo(256);
    assertThat(j.at("/pod/cpu.weight").asLong()).isEqualTo(10);
    assertThat(j.at("/pod/cpu.max").asText()).isEqualTo("100000 100000");
    assertThat(j.at("/containers/0/cpu.weight").asLong()).isEqualTo(35);
    assertThat(j.at("/containers/0/memory.min").asLong()).isEqualTo(536_870_912L);
    assertThat(j.at("/containers/0/memory.high").asLong()).isEqualTo(1_020_051_456L);
    assertThat(j.at("/containers/0/memory.low").isNull()).isTrue();
  }

  @Test
  void files_the_kubelet_does_not_write_are_null() throws Exception {
    CliRun r = CliRun.withStdin(POD, "cgroup", "pod", "-f", "-", "--cpu-cfs-quota=false", "--single-process-oom-kill", "-o", "json");
    JsonNode j = new ObjectMapper().readTree(r.out);
    // the kubelet keeps the pod cgroup's period with an unlimited quota (ResourceConfigForPod, quota -1)
    assertThat(j.at("/pod/cpu.max").asText()).isEqualTo("max 100000");
    assertThat(j.at("/containers/0/cpu.max").isNull()).isTrue();
    assertThat(j.at("/containers/0/cpuQuota").isNull()).isTrue();
    assertThat(j.at("/containers/0/memory.oom.group").isNull()).isTrue();
    assertThat(j.at("/containers/0/memory.high").isNull()).isTrue();
  }

  @Test
  void bad_flags_and_quantities_exit_two() {
    CliRun r = CliRun.withStdin(POD, "cgroup", "pod", "-f", "-", "--kubernetes-version", "2.0", "--cpu-cfs-quota-period", "soon");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--kubernetes-version", "--cpu-cfs-quota-period").doesNotContain("\tat ");
    CliRun none = CliRun.withStdin("apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n", "cgroup", "pod", "-f", "-");
    assertThat(none.exit).isEqualTo(2);
    assertThat(none.err).contains("exactly one Pod");
  }

  @Test
  void init_containers_are_listed_first_and_count_towards_the_pod() throws Exception {
    String pod = String.join("\n", "apiVersion: v1", "kind: Pod", "metadata: {name: web}", "spec:", "  initContainers:",
        "  - {name: setup, image: s, resources: {requests: {cpu: '2'}}}", "  containers:", "  - {name: app, image: a, resources: {requests: {cpu: 500m}}}", "");
    CliRun r = CliRun.withStdin(pod, "cgroup", "pod", "-f", "-", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out);
    assertThat(j.at("/pod/cpuShares").asLong()).isEqualTo(2048);
    assertThat(j.at("/containers/0/name").asText()).isEqualTo("setup");
    assertThat(j.at("/containers/0/initContainer").asBoolean()).isTrue();
    assertThat(j.at("/containers/1/initContainer").asBoolean()).isFalse();
  }

  // issue 15: the pod's memory.max was the text "1073741824" beside memory.high as a number.
  @Test
  void files_that_always_hold_a_number_are_json_numbers() throws Exception {
    CliRun r = CliRun.withStdin(POD.replace("requests: {cpu: 250m, memory: 512Mi}", "requests: {cpu: \"1\", memory: 1Gi}"),
        "cgroup", "pod", "-f", "-", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out);
    assertThat(j.at("/pod/memory.max").isIntegralNumber()).as(r.out).isTrue();
    assertThat(j.at("/pod/memory.max").asLong()).isEqualTo(1_073_741_824L);
    assertThat(j.at("/containers/0/memory.oom.group").isIntegralNumber()).as(r.out).isTrue();
    assertThat(j.at("/containers/0/memory.oom.group").asLong()).isEqualTo(1);
  }

  // pids.max and a container's memory.max can be "max", cpu.max is "<quota> <period>": they stay text.
  @Test
  void files_that_can_hold_max_stay_strings() throws Exception {
    String bestEffort = String.join("\n", "apiVersion: v1", "kind: Pod", "metadata: {name: web}", "spec:", "  containers:",
        "  - {name: app, image: a}", "");
    JsonNode j = new ObjectMapper().readTree(CliRun.withStdin(bestEffort, "cgroup", "pod", "-f", "-", "-o", "json").out);
    assertThat(j.at("/pod/pids.max").isTextual()).isTrue();
    assertThat(j.at("/containers/0/memory.max").asText()).isEqualTo("max");
    JsonNode limited = new ObjectMapper().readTree(CliRun.withStdin(POD, "cgroup", "pod", "-f", "-", "--pod-pids-limit", "100", "-o", "json").out);
    assertThat(limited.at("/pod/pids.max").isTextual()).isTrue();
    assertThat(limited.at("/pod/pids.max").asText()).isEqualTo("100");
    assertThat(limited.at("/containers/0/memory.max").isTextual()).isTrue();
    assertThat(limited.at("/containers/0/memory.max").asText()).isEqualTo("1073741824");
    assertThat(limited.at("/pod/cpu.max").isTextual()).isTrue();
  }
}
