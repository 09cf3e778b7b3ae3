package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DnsCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POD =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: team-a\nspec:\n  containers:\n  - name: c\n    image: nginx\n";
  @TempDir Path dir;

  private String file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p.toString();
  }

  private static JsonNode json(CliRun r) throws IOException {
    return JSON.readTree(r.out);
  }

  @Test
  void dns_config_prints_the_contract_fields() throws IOException {
    CliRun r = CliRun.run("dns", "config", "-f", file("pod.yaml", POD), "--cluster-dns", "10.96.0.10", "--cluster-domain", "cluster.local", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode j = json(r);
    assertThat(j.fieldNames()).toIterable().containsExactly("nameservers", "searches", "options");
    assertThat(j.get("searches").toString()).isEqualTo("[\"team-a.svc.cluster.local\",\"svc.cluster.local\",\"cluster.local\"]");
    assertThat(j.get("options").toString()).isEqualTo("[{\"name\":\"ndots\",\"value\":\"5\"}]");
  }

  @Test
  void dns_config_merges_the_host_file_for_default_policy() throws IOException {
    String pod = POD.replace("spec:\n", "spec:\n  dnsPolicy: Default\n");
    CliRun r = CliRun.run("dns", "config", "-f", file("pod.yaml", pod), "--host-resolv-conf", file("resolv.conf", "nameserver 10.0.0.2\nsearch corp.example\n"), "-o", "json");
    assertThat(json(r).get("nameservers").toString()).isEqualTo("[\"10.0.0.2\"]");
  }

  @Test
  void dns_config_refuses_a_node_file_with_an_empty_nameserver_line_like_the_kubelet() throws IOException {
    CliRun r = CliRun.run("dns", "config", "-f", file("pod.yaml", POD), "--cluster-dns", "10.96.0.10",
        "--host-resolv-conf", file("resolv.conf", "nameserver 10.0.0.2\nnameserver\n"), "-o", "json");
    assertThat(r.exit).as(r.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.toString()).contains("nameserver list is empty");
  }

  @Test
  void dns_resolve_lists_absolute_queries_in_order() throws IOException {
    CliRun r = CliRun.run("dns", "resolve", "--name", "kubernetes.default", "-f", file("pod.yaml", POD),
        "--cluster-dns", "10.96.0.10", "--cluster-domain", "cluster.local", "--answer", "kubernetes.default.svc.cluster.local=found", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode j = json(r);
    assertThat(j.fieldNames()).toIterable().containsExactly("resolvConf", "queries", "result");
    assertThat(j.get("queries").toString())
        .isEqualTo("[\"kubernetes.default.team-a.svc.cluster.local.\",\"kubernetes.default.svc.cluster.local.\"]");
    assertThat(j.get("result").asText()).isEqualTo("found");
  }

  @Test
  void glibc_and_musl_differ_once_a_name_has_ndots_dots() throws IOException {
    String conf = file("resolv.conf", "nameserver 10.96.0.10\nsearch ml.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:2\n");
    CliRun glibc = CliRun.run("dns", "resolve", "--name", "redis.cache.svc", "--resolv-conf", conf, "--resolver", "glibc",
        "--answer", "redis.cache.svc.cluster.local=found", "-o", "json");
    CliRun musl = CliRun.run("dns", "resolve", "--name", "redis.cache.svc", "--resolv-conf", conf, "--resolver", "musl",
        "--answer", "redis.cache.svc.cluster.local=found", "-o", "json");
    assertThat(glibc.exit).isZero();
    assertThat(json(glibc).get("queries")).hasSize(4);
    assertThat(musl.exit).isEqualTo(ExitCodes.NEGATIVE);
    assertThat(json(musl).get("queries").toString()).isEqualTo("[\"redis.cache.svc.\"]");
    assertThat(json(musl).get("result").asText()).isEqualTo("nxdomain");
  }

  @Test
  void musl_stops_at_nodata_where_glibc_continues() throws IOException {
    String conf = file("resolv.conf", "search a.example b.example\n");
    String[] common = {"dns", "resolve", "--name", "db", "--resolv-conf", conf, "--answer", "db.a.example=nodata", "--answer", "db.b.example=found", "-o", "json"};
    assertThat(json(CliRun.run(append(common, "--resolver", "glibc"))).get("result").asText()).isEqualTo("found");
    assertThat(json(CliRun.run(append(common, "--resolver", "musl"))).get("result").asText()).isEqualTo("nodata");
  }

  private static String[] append(String[] a, String... more) {
    String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
    System.arraycopy(more, 0, out, a.length, more.length);
    return out;
  }

  @Test
  void dns_resolve_needs_a_resolv_conf_or_a_pod() {
    CliRun r = CliRun.run("dns", "resolve", "--name", "x");
    assertThat(r.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains("give --resolv-conf FILE, or -f POD");
  }

  @Test
  void a_bad_answer_is_a_usage_error() throws IOException {
    CliRun r = CliRun.run("dns", "resolve", "--name", "x", "--resolv-conf", file("r", "search a\n"), "--answer", "x=maybe");
    assertThat(r.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains("unsupported answer");
  }

  @Test
  void dns_tune_writes_the_bundle_with_dns_config_on_every_template() throws IOException {
    String deploy = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: gw\n  namespace: ml\nspec:\n  selector:\n    matchLabels: {app: gw}\n"
        + "  template:\n    metadata:\n      labels: {app: gw}\n    spec:\n      containers:\n      - name: gw\n        image: gw:1\n";
    CliRun r = CliRun.run("dns", "tune", "-f", file("d.yaml", deploy + "---\n" + POD), "--cluster-dns", "10.96.0.10", "--lookup", "api.openai.com", "-o", "yaml");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("kind: Deployment").contains("      dnsConfig:\n        options:\n        - name: ndots\n          value: '2'\n");
    assertThat(r.out.split("name: ndots", -1)).hasSize(3);
  }

  @Test
  void dns_tune_reports_queries_before_and_after_in_json() throws IOException {
    CliRun r = CliRun.run("dns", "tune", "-f", file("p.yaml", POD), "--cluster-dns", "10.96.0.10", "--lookup", "api.openai.com", "--in-cluster", "redis.cache", "-o", "json");
    JsonNode j = json(r);
    assertThat(j.get("queriesBefore").asInt()).isEqualTo(4 + 2);
    assertThat(j.get("queriesAfter").asInt()).isEqualTo(1 + 2);
    assertThat(j.at("/report/0/lookups/0/after/queries").toString()).isEqualTo("[\"api.openai.com.\"]");
    assertThat(j.at("/objects/0/spec/dnsConfig/options/0/value").asText()).as("ndots 2 and 1 cost the same; ties keep the higher").isEqualTo("2");
  }

  @Test
  void a_forced_ndots_that_breaks_a_lookup_exits_1_and_prints_no_bundle() throws IOException {
    CliRun r = CliRun.run("dns", "tune", "-f", file("p.yaml", POD), "--cluster-dns", "10.96.0.10", "--in-cluster", "redis.cache.svc", "--resolver", "musl", "--ndots", "1", "-o", "yaml");
    assertThat(r.exit).isEqualTo(ExitCodes.NEGATIVE);
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains("DNS_LOOKUP_BROKEN");
  }

  @Test
  void dns_tune_names_the_file_and_document_of_an_invalid_dns_config() throws IOException {
    String noName = POD.replace("spec:\n", "spec:\n  dnsConfig:\n    options:\n    - value: '3'\n");
    CliRun r = CliRun.run("dns", "tune", "-f", file("bad.yaml", POD + "---\n" + noName.replace("name: web", "name: api")), "--cluster-dns", "10.96.0.10", "-o", "yaml");
    assertThat(r.exit).as(r.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains("bad.yaml").contains("document 1").contains("spec.dnsConfig.options[0]");
  }
}
