package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text output is a table on every command, its rows and columns in a stable, meaningful order (issue 15, one CLI shape). */
class TextTablesTest {
  private static final String POD = String.join("\n", "apiVersion: v1", "kind: Pod", "metadata: {name: web}", "spec:", "  containers:",
      "  - name: app", "    image: app:1", "    resources:", "      requests: {cpu: 250m, memory: 512Mi}", "      limits: {cpu: \"1\", memory: 1Gi}", "");

  @Test
  void cgroup_pod_prints_the_qos_class_then_one_row_per_cgroup() {
    CliRun r = CliRun.withStdin(POD, "cgroup", "pod", "-f", "-");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out.lines().toList()).element(0).isEqualTo("QoS class: Burstable");
    assertThat(r.out.lines().toList()).element(1).asString().startsWith("CGROUP").contains("CPU.WEIGHT", "MEMORY.MAX", "PIDS.MAX");
    assertThat(r.out).containsPattern("(?m)^pod +\\d+ +\\d+ +100000 100000 +1073741824 ").containsPattern("(?m)^container app +256 ");
  }

  @Test
  void cgroup_qos_prints_kubepods_then_burstable_then_besteffort() {
    CliRun r = CliRun.withStdin(POD, "cgroup", "qos", "-f", "-", "--node-allocatable", "cpu=4,memory=16Gi");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out.lines().map(l -> l.split(" +")[0]).toList())
        .containsExactly("CGROUP", "kubepods", "kubepods/burstable", "kubepods/besteffort");
  }

  @Test
  void cgroup_convert_prints_the_values_in_the_order_they_are_derived() {
    CliRun r = CliRun.run("cgroup", "convert", "--cpu-request", "250m", "--cpu-limit", "1");
    assertThat(r.out.lines().map(l -> l.split(" +")[0]).toList()).containsExactly("NAME", "cpuShares", "cpu.weight", "cpuQuota", "cpu.max");
  }

  @Test
  void cgroup_node_prints_its_diagnostics_as_a_table() {
    CliRun r = CliRun.run("cgroup", "node", "--kernel", "5.4", "--cgroup-driver", "cgroupfs", "--runtime", "containerd:1.3");
    assertThat(r.exit).isEqualTo(ExitCodes.NEGATIVE);
    assertThat(r.out).startsWith("not ready for cgroup v2\nSEVERITY").containsPattern("(?m)^error +\\S+ ").contains("KubeletConfiguration:\n");
  }

  @Test
  void dns_config_prints_the_resolv_conf_lines_as_a_table_in_file_order() {
    CliRun r = CliRun.withStdin("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ml}\nspec: {containers: [{name: c, image: i}]}\n",
        "dns", "config", "-f", "-", "--cluster-dns", "10.96.0.10");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).isEqualTo("DIRECTIVE   VALUE\nnameserver  10.96.0.10\nsearch      ml.svc.cluster.local svc.cluster.local cluster.local\n"
        + "options     ndots:5\n");
  }

  @Test
  void dns_resolve_numbers_each_query_in_a_table(@TempDir Path dir) throws IOException {
    Path conf = Files.writeString(dir.resolve("resolv.conf"), "search ml.svc.cluster.local svc.cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n");
    CliRun r = CliRun.run("dns", "resolve", "--name", "redis", "--resolv-conf", conf.toString(), "--answer", "redis.ml.svc.cluster.local=found");
    assertThat(r.out).contains("#  QUERY", "1  redis.ml.svc.cluster.local.  found").contains("result: found");
  }

  @Test
  void version_prints_a_table_of_ai_infra_and_the_kubernetes_versions() {
    CliRun r = CliRun.run("version");
    assertThat(r.out.lines().toList()).element(0).asString().startsWith("AI-INFRA").contains("KUBERNETES", "DEFAULT KUBERNETES");
  }

  @Test
  void version_as_yaml_is_the_json_contract_as_yaml() {
    CliRun r = CliRun.run("version", "-o", "yaml");
    assertThat(r.out).contains("version: ").contains("kubernetesVersions:\n- ").contains("defaultKubernetesVersion: ");
  }
}
