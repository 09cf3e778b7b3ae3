package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without {@code --cluster-dns} the dns commands use kubeadm's 10.96.0.10 and say so, never a pod without a nameserver (issue 15, defect 5). */
class ClusterDnsDefaultTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: ml}\nspec: {containers: [{name: c, image: nginx}]}\n";
  private static final String NOTE = "note: --cluster-dns not given: using 10.96.0.10, kubeadm's cluster DNS address";
  @TempDir Path dir;

  private String pod() throws IOException {
    Path p = dir.resolve("pod.yaml");
    Files.writeString(p, POD);
    return p.toString();
  }

  @Test
  void dns_config_without_cluster_dns_uses_kubeadm_s_address_and_says_so() throws IOException {
    CliRun r = CliRun.run("dns", "config", "-f", pod(), "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode j = JSON.readTree(r.out);
    assertThat(j.get("nameservers").toString()).isEqualTo("[\"10.96.0.10\"]");
    assertThat(j.get("searches").get(0).asText()).isEqualTo("ml.svc.cluster.local");
    assertThat(r.err).startsWith(NOTE).doesNotContain("MISSING_CLUSTER_DNS");
  }

  @Test
  void dns_resolve_without_cluster_dns_walks_the_cluster_search_list() throws IOException {
    CliRun r = CliRun.run("dns", "resolve", "--name", "redis.cache", "-f", pod(), "--answer", "redis.cache.svc.cluster.local=found", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(JSON.readTree(r.out).at("/resolvConf/nameservers/0").asText()).isEqualTo("10.96.0.10");
    assertThat(r.err).startsWith(NOTE);
  }

  @Test
  void dns_tune_without_cluster_dns_says_which_address_it_used() throws IOException {
    CliRun r = CliRun.run("dns", "tune", "-f", pod(), "--lookup", "api.openai.com");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.err).startsWith(NOTE);
  }

  @Test
  void a_given_cluster_dns_prints_no_note() throws IOException {
    CliRun r = CliRun.run("dns", "config", "-f", pod(), "--cluster-dns", "10.0.0.10", "-o", "json");
    assertThat(JSON.readTree(r.out).get("nameservers").toString()).isEqualTo("[\"10.0.0.10\"]");
    assertThat(r.err).doesNotContain("note:");
  }

  @Test
  void cluster_dns_none_models_a_kubelet_without_one() throws IOException {
    CliRun r = CliRun.run("dns", "config", "-f", pod(), "--cluster-dns", "none", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.err).contains("MISSING_CLUSTER_DNS").doesNotContain("note:");
  }

  @Test
  void none_next_to_addresses_is_a_usage_error() throws IOException {
    CliRun r = CliRun.run("dns", "config", "-f", pod(), "--cluster-dns", "none,10.96.0.10");
    assertThat(r.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains("--cluster-dns none: give either none or IP addresses, not both");
  }

  @Test
  void the_demo_suggests_dns_tune_with_the_cluster_dns_it_needs() {
    assertThat(CliRun.run("demo").out).contains("ai-infra dns tune -f your-manifests/ --cluster-dns 10.96.0.10 --lookup api.example.com");
  }

  @Test
  void help_documents_the_default() {
    assertThat(CliRun.run("dns", "config", "--help").out).contains("Default: 10.96.0.10");
  }
}
