package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiinfra.core.cluster.ApplyAwareMockServer;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUNDLE =
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: ml}\ndata: {k: v}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ml}\n";
  @TempDir Path dir;
  private ApplyAwareMockServer server;
  private KubernetesClient client;
  private String kubeconfig;
  private String manifests;

  @BeforeEach
  void start() throws IOException {
    server = ApplyAwareMockServer.create();
    client = server.client();
    String url = client.getConfiguration().getMasterUrl();
    kubeconfig = dir.resolve("kubeconfig").toString();
    Files.writeString(Path.of(kubeconfig),
        "apiVersion: v1\nkind: Config\nclusters:\n- name: mock\n  cluster:\n    server: " + url + "\n    insecure-skip-tls-verify: true\n"
            + "users:\n- name: u\n  user:\n    token: t\ncontexts:\n- name: c\n  context:\n    cluster: mock\n    user: u\n    namespace: default\ncurrent-context: c\n");
    manifests = dir.resolve("m.yaml").toString();
    Files.writeString(Path.of(manifests), BUNDLE);
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void apply_reports_each_object_in_apply_order_then_unchanged_the_second_time() throws IOException {
    CliRun first = CliRun.run("apply", "-f", manifests, "--kubeconfig", kubeconfig, "-o", "json");
    assertThat(first.exit).as(first.toString()).isZero();
    JsonNode j = JSON.readTree(first.out);
    assertThat(j.at("/objects/0/kind").asText()).isEqualTo("Namespace");
    assertThat(j.at("/objects/1").toString()).isEqualTo("{\"kind\":\"ConfigMap\",\"namespace\":\"ml\",\"name\":\"cfg\",\"result\":\"applied\"}");
    JsonNode second = JSON.readTree(CliRun.run("apply", "-f", manifests, "--kubeconfig", kubeconfig, "-o", "json").out);
    assertThat(second.findValuesAsText("result")).containsOnly("unchanged");
  }

  @Test
  void a_failed_object_exits_3_with_the_reason_and_skips_the_rest() throws IOException {
    server.expect().get().withPath("/api/v1/namespaces/ml").andReturn(403, "forbidden").always();
    CliRun r = CliRun.run("apply", "-f", manifests, "--kubeconfig", kubeconfig, "-o", "json");
    assertThat(r.exit).isEqualTo(ExitCodes.ERROR);
    JsonNode j = JSON.readTree(r.out);
    assertThat(j.findValuesAsText("result")).containsExactly("failed", "skipped");
    assertThat(j.at("/objects/0/reason").asText()).startsWith("HTTP 403");
  }

  @Test
  void client_dry_run_changes_nothing() {
    assertThat(CliRun.run("apply", "-f", manifests, "--kubeconfig", kubeconfig, "--dry-run=client").exit).isZero();
    assertThat(client.namespaces().withName("ml").get()).isNull();
  }

  @Test
  void an_unknown_dry_run_mode_is_a_usage_error() {
    assertThat(CliRun.run("apply", "-f", manifests, "--kubeconfig", kubeconfig, "--dry-run=maybe").exit).isEqualTo(ExitCodes.INVALID_INPUT);
  }

  @Test
  void snapshot_writes_yaml_the_offline_commands_read_back() throws IOException {
    client.nodes().resource(new NodeBuilder().withNewMetadata().withName("gpu-1").addToLabels("kubernetes.io/hostname", "gpu-1").endMetadata().build()).create();
    CliRun r = CliRun.run("snapshot", "--kubeconfig", kubeconfig);
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("kind: Node").contains("name: gpu-1").doesNotContain("resourceVersion");
    Path snap = dir.resolve("snap.yaml");
    Files.writeString(snap, r.out);
    assertThat(CliRun.run("validate", "-f", snap.toString()).exit).isZero();
  }
}
