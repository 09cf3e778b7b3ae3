package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code --feature-gates} is offered only where a gate changes the answer: no gate changes a Pod
 * Security verdict or a node's cgroup v2 readiness, so those commands take the version alone.
 */
class VersionOnlyProfileTest {
  @Test
  void pss_check_refuses_feature_gates_as_an_unknown_option() {
    CliRun r = CliRun.withStdin("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: i}]}\n",
        "pss", "check", "-f", "-", "--feature-gates", "UserNamespacesSupport=true");
    assertThat(r.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains("--feature-gates");
  }

  @Test
  void cgroup_node_refuses_feature_gates_as_an_unknown_option() {
    CliRun r = CliRun.run("cgroup", "node", "--kernel", "6.1", "--cgroup-driver", "systemd", "--runtime", "containerd:2.0",
        "--feature-gates", "MemoryQoS=true");
    assertThat(r.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains("--feature-gates");
  }

  @Test
  void pss_check_and_cgroup_node_still_take_the_kubernetes_version_with_its_default_shown() {
    assertThat(CliRun.run("pss", "check", "--help").out).contains("--kubernetes-version").doesNotContain("--feature-gates");
    assertThat(CliRun.run("cgroup", "node", "--help").out).contains("--kubernetes-version").doesNotContain("--feature-gates");
  }

  @Test
  void gang_place_keeps_the_feature_gates() {
    assertThat(CliRun.run("gang", "place", "--help").out).contains("--feature-gates");
  }
}
