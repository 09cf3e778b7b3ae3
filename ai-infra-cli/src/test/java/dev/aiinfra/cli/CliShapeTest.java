package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import org.junit.jupiter.api.Test;

/** The flags every command shares: one version flag, one profile, one input path, one Pod Security version rule. */
class CliShapeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Allowed at every level from v1.37 on (two sysctls joined the safe list then), denied at baseline before. */
  private static final String POD_WITH_A_137_SYSCTL = String.join("\n", "apiVersion: v1", "kind: Pod", "metadata: {name: ok, namespace: agents}",
      "spec:", "  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}, sysctls: [{name: net.ipv4.tcp_notsent_lowat, value: '1'}]}",
      "  containers:", "  - name: app", "    image: app:1", "    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}", "");

  private static final String BURSTABLE_POD = String.join("\n", "apiVersion: v1", "kind: Pod", "metadata: {name: web}", "spec:", "  containers:",
      "  - name: app", "    image: app:1", "    resources:", "      requests: {cpu: 250m, memory: 512Mi}", "      limits: {cpu: \"1\", memory: 1Gi}", "");

  @Test
  void the_root_version_flag_prints_the_version() {
    CliRun r = CliRun.run("-V");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).startsWith("ai-infra ");
  }

  @Test
  void a_subcommand_has_no_version_flag() {
    CliRun r = CliRun.run("gang", "place", "-V");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("Unknown option: '-V'");
  }

  @Test
  void standard_input_reaches_a_command_through_its_input_mixin() {
    CliRun r = CliRun.withStdin(BURSTABLE_POD, "cgroup", "pod", "-f", "-", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("\"qos\" : \"Burstable\"");
  }

  @Test
  void the_pss_version_defaults_to_the_minor_of_the_kubernetes_version() throws Exception {
    CliRun r = CliRun.withStdin(POD_WITH_A_137_SYSCTL, "pss", "check", "-f", "-", "-o", "json");
    assertThat(r.exit).isEqualTo(1);
    assertThat(JSON.readTree(r.out).at("/objects/0/baseline/violations/0/check").asText()).isEqualTo("sysctls");
    assertThat(CliRun.withStdin(POD_WITH_A_137_SYSCTL, "pss", "check", "-f", "-", "--kubernetes-version", "1.37").exit).isZero();
  }

  @Test
  void the_pss_version_flag_overrides_the_kubernetes_version() {
    assertThat(CliRun.withStdin(POD_WITH_A_137_SYSCTL, "pss", "check", "-f", "-", "--kubernetes-version", "1.37", "--pss-version", "v1.36").exit)
        .isEqualTo(1);
    assertThat(CliRun.withStdin(POD_WITH_A_137_SYSCTL, "pss", "check", "-f", "-", "--pss-version", "latest").exit).isZero();
  }

  @Test
  void the_old_pss_version_flag_still_works_and_is_hidden() {
    assertThat(CliRun.withStdin(POD_WITH_A_137_SYSCTL, "pss", "check", "-f", "-", "--version", "v1.37").exit).isZero();
    assertThat(CliRun.run("pss", "check", "--help").out).contains("--pss-version").doesNotContain("--version=");
  }

  @Test
  void giving_both_pss_version_flags_is_refused() {
    CliRun r = CliRun.withStdin(POD_WITH_A_137_SYSCTL, "pss", "check", "-f", "-", "--version", "v1.37", "--pss-version", "v1.37");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--version is the old name of --pss-version");
  }

  @Test
  void the_pss_text_names_the_policy_version_it_used() {
    CliRun r = CliRun.withStdin(POD_WITH_A_137_SYSCTL, "pss", "check", "-f", "-", "--level", "baseline");
    assertThat(r.out).contains("baseline:v" + KubernetesVersion.DEFAULT + ": sysctls:");
  }

  @Test
  void cgroup_pod_defaults_to_the_library_kubernetes_version() {
    CliRun byDefault = CliRun.withStdin(BURSTABLE_POD, "cgroup", "pod", "-f", "-", "-o", "json");
    CliRun named = CliRun.withStdin(BURSTABLE_POD, "cgroup", "pod", "-f", "-", "-o", "json", "--kubernetes-version", KubernetesVersion.DEFAULT.toString());
    assertThat(byDefault.exit).as(byDefault.toString()).isZero();
    assertThat(byDefault.out).isEqualTo(named.out);
  }

  @Test
  void cgroup_pod_takes_memory_qos_from_the_feature_gates() {
    CliRun gate = CliRun.withStdin(BURSTABLE_POD, "cgroup", "pod", "-f", "-", "-o", "json", "--kubernetes-version", "1.35", "--feature-gates", "MemoryQoS=true");
    CliRun flag = CliRun.withStdin(BURSTABLE_POD, "cgroup", "pod", "-f", "-", "-o", "json", "--kubernetes-version", "1.35", "--memory-qos");
    assertThat(gate.exit).as(gate.toString()).isZero();
    assertThat(gate.out).isEqualTo(flag.out).contains("\"memory.high\" : 1020051456");
  }

  @Test
  void cgroup_node_defaults_to_the_library_kubernetes_version() {
    String[] base = {"cgroup", "node", "--kernel", "6.1", "--cgroup-driver", "systemd", "--runtime", "containerd:2.0", "-o", "json"};
    CliRun byDefault = CliRun.run(base);
    CliRun named = CliRun.run(concat(base, "--kubernetes-version", KubernetesVersion.DEFAULT.toString()));
    assertThat(byDefault.out).isEqualTo(named.out);
  }

  @Test
  void snapshot_and_serve_render_write_objects_as_yaml_by_default() {
    assertThat(CliRun.run("snapshot", "--help").out.replaceAll("\\s+", " ")).contains("Default: yaml");
    assertThat(CliRun.run("serve", "render", "--help").out.replaceAll("\\s+", " ")).contains("Default: yaml");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
