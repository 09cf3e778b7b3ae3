package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PssCheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String HARDENED_POD = String.join("\n", "apiVersion: v1", "kind: Pod", "metadata: {name: ok, namespace: agents}", "spec:",
      "  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}", "  containers:", "  - name: app", "    image: app:1",
      "    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}", "");

  private static final String PLAIN_DEPLOYMENT = String.join("\n", "apiVersion: apps/v1", "kind: Deployment", "metadata: {name: web}", "spec:",
      "  selector: {matchLabels: {app: web}}", "  template:", "    metadata: {labels: {app: web}}", "    spec:", "      containers:",
      "      - name: web", "        image: nginx", "        livenessProbe: {httpGet: {port: 8080}}", "");

  private static final String PRIVILEGED_LWS = String.join("\n", "apiVersion: leaderworkerset.x-k8s.io/v1", "kind: LeaderWorkerSet",
      "metadata: {name: vllm}", "spec:", "  leaderWorkerTemplate:", "    leaderTemplate:", "      spec:", "        containers:",
      "        - {name: leader, image: vllm, securityContext: {privileged: true}}", "    workerTemplate:", "      spec:",
      "        hostNetwork: true", "        containers:", "        - {name: worker, image: vllm}", "");

  @Test
  void a_hardened_pod_is_allowed_at_both_levels_and_exits_zero() throws Exception {
    CliRun r = CliRun.withStdin(HARDENED_POD, "pss", "check", "-f", "-", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode o = JSON.readTree(r.out).at("/objects/0");
    assertThat(o.get("kind").asText()).isEqualTo("Pod");
    assertThat(o.get("namespace").asText()).isEqualTo("agents");
    assertThat(o.get("name").asText()).isEqualTo("ok");
    assertThat(o.at("/baseline/allowed").asBoolean()).isTrue();
    assertThat(o.at("/restricted/allowed").asBoolean()).isTrue();
    assertThat(o.at("/restricted/violations")).isEmpty();
  }

  @Test
  void a_plain_deployment_template_is_denied_at_restricted_with_upstream_check_ids() throws Exception {
    CliRun r = CliRun.withStdin(PLAIN_DEPLOYMENT, "pss", "check", "-f", "-", "-o", "json");
    assertThat(r.exit).isEqualTo(1);
    JsonNode o = JSON.readTree(r.out).at("/objects/0");
    assertThat(o.at("/baseline/allowed").asBoolean()).isTrue();
    assertThat(o.at("/restricted/allowed").asBoolean()).isFalse();
    assertThat(o.at("/restricted/violations").findValuesAsText("check"))
        .containsExactly("allowPrivilegeEscalation", "capabilities_restricted", "runAsNonRoot", "seccompProfile_restricted");
    assertThat(o.at("/restricted/violations/2/message").asText())
        .isEqualTo("runAsNonRoot != true (pod or container \"web\" must set securityContext.runAsNonRoot=true)");
  }

  @Test
  void the_level_flag_decides_the_exit_code() {
    assertThat(CliRun.withStdin(PLAIN_DEPLOYMENT, "pss", "check", "-f", "-", "--level", "baseline").exit).isZero();
  }

  @Test
  void every_template_of_a_custom_resource_is_checked_and_named_in_the_message() throws Exception {
    CliRun r = CliRun.withStdin(PRIVILEGED_LWS, "pss", "check", "-f", "-", "--level", "baseline", "-o", "json");
    assertThat(r.exit).isEqualTo(1);
    JsonNode v = JSON.readTree(r.out).at("/objects/0/baseline/violations");
    assertThat(v.findValuesAsText("check")).containsExactly("privileged", "hostNamespaces");
    assertThat(v.get(0).get("message").asText()).contains("spec.leaderWorkerTemplate.leaderTemplate: ");
    assertThat(v.get(1).get("message").asText()).contains("spec.leaderWorkerTemplate.workerTemplate: ");
  }

  @Test
  void the_version_flag_selects_the_policy_version() throws Exception {
    String pod = HARDENED_POD.replace("seccompProfile: {type: RuntimeDefault}}", "seccompProfile: {type: RuntimeDefault}, sysctls: [{name: net.ipv4.tcp_notsent_lowat, value: '1'}]}");
    assertThat(CliRun.withStdin(pod, "pss", "check", "-f", "-", "--version", "v1.37").exit).isZero();
    CliRun old = CliRun.withStdin(pod, "pss", "check", "-f", "-", "--version", "v1.36", "-o", "json");
    assertThat(old.exit).isEqualTo(1);
    assertThat(JSON.readTree(old.out).at("/objects/0/baseline/violations/0/check").asText()).isEqualTo("sysctls");
  }

  @Test
  void text_output_shows_a_table_and_the_violations() {
    CliRun r = CliRun.withStdin(HARDENED_POD + "---\n" + PLAIN_DEPLOYMENT, "pss", "check", "-f", "-");
    assertThat(r.out).contains("KIND", "RESTRICTED", "allowed", "denied (4)", "Deployment/web: restricted:v1.36: runAsNonRoot");
  }

  @Test
  void bad_flags_exit_two_naming_every_problem() {
    CliRun r = CliRun.withStdin(HARDENED_POD, "pss", "check", "-f", "-", "--level", "strict", "--version", "1.30");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--level must be baseline or restricted", "--version must be latest or v1.<minor>");
  }

  @Test
  void a_field_of_the_wrong_type_in_a_custom_resource_exits_two_with_its_path() {
    String bad = PRIVILEGED_LWS.replace("privileged: true", "privileged: \"yes\"").replace("hostNetwork: true", "hostNetwork: 1");
    CliRun r = CliRun.withStdin(bad, "pss", "check", "-f", "-");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("<stdin>: document 0: spec.leaderWorkerTemplate.leaderTemplate.spec.containers[0].securityContext.privileged")
        .contains("spec.leaderWorkerTemplate.workerTemplate.spec.hostNetwork").doesNotContain("Exception");
    assertThat(r.out).isEmpty();
  }

  @Test
  void input_without_pod_templates_is_a_usage_error() {
    CliRun r = CliRun.withStdin("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n", "pss", "check", "-f", "-");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("no Pods or workloads with pod templates");
  }

  @Test
  void the_rendered_agent_sandbox_example_passes_restricted() throws Exception {
    CliRun rendered = CliRun.run("render", "agent-sandbox-gpu");
    assertThat(rendered.exit).as(rendered.toString()).isZero();
    assertThat(rendered.out).contains("kind: SandboxTemplate", "kind: SandboxWarmPool", "kind: SandboxClaim", "kind: RuntimeClass");
    CliRun r = CliRun.withStdin(rendered.out, "pss", "check", "-f", "-", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode objects = JSON.readTree(r.out).get("objects");
    assertThat(objects).hasSize(1);
    assertThat(objects.get(0).get("kind").asText()).isEqualTo("SandboxTemplate");
    assertThat(r.err).contains("skipped 3 object(s) without pod templates", "RuntimeClass/kata-qemu-nvidia-gpu", "SandboxWarmPool/code-agent");
    assertThat(objects.get(0).at("/restricted/allowed").asBoolean()).isTrue();
  }
}
