package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ManifestCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void help_lists_every_command() {
    CliRun r = CliRun.run("--help");
    assertThat(r.exit).isZero();
    assertThat(r.out).contains("version", "validate", "dns", "render", "demo", "apply", "snapshot");
  }

  @Test
  void version_prints_the_project_version() throws IOException {
    JsonNode j = JSON.readTree(CliRun.run("version", "-o", "json").out);
    assertThat(j.get("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(j.get("kubernetesVersions").toString()).isEqualTo("[\"1.34\",\"1.35\",\"1.36\",\"1.37\"]");
  }

  @Test
  void validate_reports_every_violation_and_exits_1() throws IOException {
    String pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  dnsPolicy: None\n  containers:\n  - name: c\n    image: x\n"
        + "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  containers:\n  - name: c\n    image: x\n";
    CliRun r = CliRun.withStdin(pod, "validate", "-f", "-", "-o", "json");
    assertThat(r.exit).isEqualTo(ExitCodes.NEGATIVE);
    JsonNode j = JSON.readTree(r.out);
    assertThat(j.get("valid").asBoolean()).isFalse();
    assertThat(j.at("/objects/0/violations/0").toString())
        .isEqualTo("{\"field\":\"spec.dnsConfig\",\"type\":\"Required\",\"message\":\"Required value: must provide `dnsConfig` when `dnsPolicy` is None\"}");
    assertThat(j.at("/objects/1/valid").asBoolean()).isTrue();
  }

  @Test
  void validate_checks_pod_templates_of_crd_workloads() throws IOException {
    String jobset = "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata:\n  name: js\nspec:\n  replicatedJobs:\n  - name: w\n    template:\n"
        + "      spec:\n        template:\n          spec:\n            dnsConfig:\n              nameservers: [bogus]\n            containers:\n            - name: c\n              image: x\n";
    JsonNode j = JSON.readTree(CliRun.withStdin(jobset, "validate", "-f", "-", "-o", "json").out);
    assertThat(j.at("/objects/0/violations/0/field").asText()).isEqualTo("spec.replicatedJobs[0].template.spec.template.spec.dnsConfig.nameservers[0]");
  }

  @Test
  void render_lists_and_renders_examples_deterministically() {
    assertThat(CliRun.run("render", "--list").out).contains("dns-ndots");
    CliRun a = CliRun.run("render", "dns-ndots");
    CliRun b = CliRun.run("render", "dns-ndots");
    assertThat(a.exit).isZero();
    assertThat(a.out).isEqualTo(b.out).startsWith("apiVersion: v1\nkind: Namespace\n");
  }

  @Test
  void every_gang_scenario_renders_without_an_empty_metadata_block() {
    for (String example : new String[] {"gang-jobset-native", "gang-jobset-kueue", "gang-jobset-volcano"}) {
      CliRun r = CliRun.run("render", example);
      assertThat(r.exit).as(example + "\n" + r).isZero();
      assertThat(r.out).as(example).doesNotContain("metadata: {}");
    }
  }

  @Test
  void render_of_an_unknown_example_is_a_usage_error() {
    CliRun r = CliRun.run("render", "nope");
    assertThat(r.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains("unknown example \"nope\"");
  }

  @Test
  void demo_runs_offline() {
    CliRun r = CliRun.run("demo");
    assertThat(r.exit).isZero();
    assertThat(r.out).contains("resolv.conf", "Tuning ndots", "Validating");
    assertThat(r.out).contains("   metadata.name: Invalid value: \"Bad_Name\"");
  }

  @Test
  void an_unknown_option_is_a_usage_error_with_a_hint() {
    CliRun r = CliRun.run("validate", "--frobnicate");
    assertThat(r.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains("Unknown option").contains("--help");
  }
}
