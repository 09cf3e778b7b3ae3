package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CgroupConvertCommandTest {
  @Test
  void shares_become_the_quadratic_weight_by_default() {
    CliRun r = CliRun.run("cgroup", "convert", "--cpu-shares", "1024", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out.replaceAll("\\s", "")).isEqualTo("{\"cpuShares\":1024,\"cpu.weight\":100}");
  }

  @Test
  void the_linear_formula_is_the_kubelets_and_older_runtimes() {
    CliRun r = CliRun.run("cgroup", "convert", "--cpu-shares", "2000", "--formula", "linear", "-o", "json");
    assertThat(r.out.replaceAll("\\s", "")).isEqualTo("{\"cpuShares\":2000,\"cpu.weight\":77}");
  }

  @Test
  void a_request_and_a_limit_give_shares_weight_quota_and_cpu_max() throws Exception {
    CliRun r = CliRun.run("cgroup", "convert", "--cpu-request", "250m", "--cpu-limit", "1500m", "--cpu-period", "50000", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out);
    assertThat(j.get("cpuShares").asLong()).isEqualTo(256);
    assertThat(j.get("cpu.weight").asLong()).isEqualTo(35);
    assertThat(j.get("cpuQuota").asLong()).isEqualTo(75_000);
    assertThat(j.get("cpu.max").asText()).isEqualTo("75000 50000");
  }

  @Test
  void a_tiny_limit_gets_the_one_millisecond_floor() {
    CliRun r = CliRun.run("cgroup", "convert", "--cpu-limit", "1m");
    assertThat(r.out).containsPattern("(?m)^cpuQuota +1000$").containsPattern("(?m)^cpu\\.max +1000 100000$");
  }

  @Test
  void bad_input_lists_every_problem() {
    CliRun r = CliRun.run("cgroup", "convert", "--cpu-shares", "5", "--cpu-request", "2x", "--formula", "cubic", "--cpu-period", "10");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("both set the shares", "not a Kubernetes quantity", "unknown --formula cubic", "--cpu-period").doesNotContain("\tat ");
  }
}
