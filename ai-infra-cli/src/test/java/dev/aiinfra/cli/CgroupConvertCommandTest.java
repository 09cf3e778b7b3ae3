package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CgroupConvertCommandTest {
  @Test
  void sharesBecomeTheQuadraticWeightByDefault() {
    CliRun r = CliRun.run("cgroup", "convert", "--cpu-shares", "1024", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out.replaceAll("\\s", "")).isEqualTo("{\"cpuShares\":1024,\"cpu.weight\":100}");
  }

  @Test
  void theLinearFormulaIsTheKubeletsAndOlderRuntimes() {
    CliRun r = CliRun.run("cgroup", "convert", "--cpu-shares", "2000", "--formula", "linear", "-o", "json");
    assertThat(r.out.replaceAll("\\s", "")).isEqualTo("{\"cpuShares\":2000,\"cpu.weight\":77}");
  }

  @Test
  void aRequestAndALimitGiveSharesWeightQuotaAndCpuMax() throws Exception {
    CliRun r = CliRun.run("cgroup", "convert", "--cpu-request", "250m", "--cpu-limit", "1500m", "--cpu-period", "50000", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out);
    assertThat(j.get("cpuShares").asLong()).isEqualTo(256);
    assertThat(j.get("cpu.weight").asLong()).isEqualTo(35);
    assertThat(j.get("cpuQuota").asLong()).isEqualTo(75_000);
    assertThat(j.get("cpu.max").asText()).isEqualTo("75000 50000");
  }

  @Test
  void aTinyLimitGetsTheOneMillisecondFloor() {
    CliRun r = CliRun.run("cgroup", "convert", "--cpu-limit", "1m");
    assertThat(r.out).containsPattern("(?m)^cpuQuota +1000$").containsPattern("(?m)^cpu\\.max +1000 100000$");
  }

  @Test
  void badInputListsEveryProblem() {
    CliRun r = CliRun.run("cgroup", "convert", "--cpu-shares", "5", "--cpu-request", "2x", "--formula", "cubic", "--cpu-period", "10");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("both set the shares", "not a Kubernetes quantity", "unknown --formula cubic", "--cpu-period").doesNotContain("\tat ");
  }
}
