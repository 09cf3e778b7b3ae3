package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14, failure classes 3–7 through the command line: quantities such as {@code 1E}, values past
 * int64 and null ones, {@code containers: [null]}, int-or-string ports on a round trip, PD catalogs
 * with duplicate GPUs or whole numbers out of range, and one quantity rule in every command. Input
 * the API server accepts is accepted; what a consumer cannot count is exit 2 naming file, document
 * and field; never exit 3, never a Java class name.
 */
@Timeout(20) // a hang guard, not a speed check
class HostileValuesTest {
  private static final String LIMIT = "spec.containers[0].resources.limits[memory]";
  private static final String NODE = "---\napiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus:\n  allocatable: {cpu: '64', memory: 8Ei, pods: '110'}\n";

  @TempDir Path dir;

  private String file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p.toString();
  }

  /** A Pod whose memory request and limit are {@code quantity} as written in YAML, plus a node to place it on. */
  private String pod(String quantity) throws IOException {
    return file("p.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx\n"
        + "    resources:\n      requests: {cpu: '1'}\n      limits: {memory: " + quantity + "}\n" + NODE);
  }

  private static void assertInputError(CliRun r, String... fragments) {
    assertThat(r.exit).as(r.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains(fragments).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.").doesNotContain("internal");
  }

  private static JsonNode json(CliRun r) throws IOException {
    assertThat(r.exit).as(r.toString()).isZero();
    return new ObjectMapper().readTree(r.out);
  }

  // ---- class 3: quantities ----

  @Test
  void one_exa_is_read_by_every_command() throws IOException {
    String f = pod("1E");
    assertThat(CliRun.run("validate", "-f", f).exit).isZero();
    assertThat(json(CliRun.run("cgroup", "pod", "-f", f, "-o", "json")).at("/containers/0/memory.max").asText()).isEqualTo("1000000000000000000");
    assertThat(CliRun.run("gang", "place", "-f", f).exit).isZero();
  }

  @Test
  void a_value_past_int64_is_refused_by_every_command_where_it_would_wrap() throws IOException {
    String f = pod("'100000000000000000000'");
    CliRun validate = CliRun.run("validate", "-f", f);
    assertThat(validate.exit).as(validate.toString()).isEqualTo(ExitCodes.NEGATIVE);
    assertThat(validate.out).contains(LIMIT + ": Invalid value: \"100E\": the API server accepts it, but kube-scheduler and the kubelet count memory "
        + "as a 64-bit integer");
    assertInputError(CliRun.run("cgroup", "pod", "-f", f), "p.yaml: document 0: " + LIMIT + ": Invalid value: \"100E\": the kubelet counts memory");
    assertInputError(CliRun.run("gang", "place", "-f", f), "p.yaml: document 0: " + LIMIT + ": Invalid value: \"100E\": kube-scheduler counts memory");
  }

  @Test
  void a_thousand_times_int64_in_kilo_is_refused_where_it_would_wrap() throws IOException {
    String f = pod("9223372036854775807k");
    assertInputError(CliRun.run("cgroup", "pod", "-f", f), LIMIT + ": Invalid value: \"9223372036854775807k\"");
    assertInputError(CliRun.run("gang", "place", "-f", f), LIMIT + ": Invalid value: \"9223372036854775807k\"");
  }

  @Test
  void a_null_quantity_is_zero_in_every_command_as_the_api_server_decodes_it() throws IOException {
    String f = pod("");
    assertThat(CliRun.run("validate", "-f", f).exit).isZero();
    assertThat(json(CliRun.run("cgroup", "pod", "-f", f, "-o", "json")).at("/containers/0/memory.max").asText()).isEqualTo("max");
    assertThat(CliRun.run("gang", "place", "-f", f).exit).isZero();
  }

  @Test
  void a_node_allocatable_flag_past_int64_is_a_usage_error() throws IOException {
    CliRun r = CliRun.run("cgroup", "pod", "-f", pod("1Gi"), "--node-allocatable", "memory=100000000000000000000");
    assertInputError(r, "--node-allocatable[memory]: Invalid value: \"100E\": the kubelet counts memory as a 64-bit integer");
  }

  private String sharedGpu(String request, String step) throws IOException {
    return file("dra.yaml", "apiVersion: resource.k8s.io/v1\nkind: DeviceClass\nmetadata: {name: shared-gpu}\nspec:\n  selectors:\n"
        + "  - cel: {expression: device.driver == 'gpu.example.com'}\n---\napiVersion: resource.k8s.io/v1\nkind: ResourceClaim\n"
        + "metadata: {name: c, namespace: default}\nspec:\n  devices:\n    requests:\n    - name: gpu\n      exactly:\n"
        + "        deviceClassName: shared-gpu\n        capacity: {requests: {memory: " + request + "}}\n---\n"
        + "apiVersion: resource.k8s.io/v1\nkind: ResourceSlice\nmetadata: {name: s}\nspec:\n  driver: gpu.example.com\n  nodeName: node-a\n"
        + "  pool: {name: node-a, generation: 1, resourceSliceCount: 1}\n  devices:\n  - name: gpu-0\n    allowMultipleAllocations: true\n"
        + "    capacity:\n      memory:\n        value: 80Gi\n        requestPolicy: {default: 8Gi, validRange: {min: 8Gi, max: 80Gi, step: " + step + "}}\n");
  }

  @Test
  void dra_allocate_takes_a_null_capacity_request_as_zero_and_charges_the_minimum() throws IOException {
    JsonNode j = json(CliRun.run("dra", "allocate", "-f", sharedGpu("", "8Gi"), "-o", "json"));
    assertThat(j.at("/claims/0/results/0/consumedCapacity/memory").asText()).isEqualTo("8Gi");
  }

  @Test
  void dra_allocate_rounds_a_request_past_int64_without_overflow() throws IOException {
    CliRun r = CliRun.run("dra", "allocate", "-f", sharedGpu("'100000000000000000000'", "8Gi"));
    assertThat(r.exit).as(r.toString()).isEqualTo(ExitCodes.NEGATIVE);
    assertThat(r.out + r.err).contains("without enough capacity").doesNotContain("Exception");
  }

  @Test
  void dra_allocate_refuses_a_zero_step_at_its_field() throws IOException {
    assertInputError(CliRun.run("dra", "allocate", "-f", sharedGpu("20Gi", "'0'")),
        "dra.yaml: document 2: spec.devices[0].capacity[memory].requestPolicy.validRange.step: Invalid value: \"0\": must be greater than zero");
  }

  @Test
  void pss_check_refuses_integers_past_their_go_type_in_a_crd_template() throws IOException {
    String f = file("js.yaml", "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata: {name: js}\nspec:\n  replicatedJobs:\n"
        + "  - name: w\n    template:\n      spec:\n        template:\n          spec:\n            securityContext: {runAsUser: 99999999999999999999}\n"
        + "            containers:\n            - {name: c, image: x, ports: [{containerPort: 80, hostPort: 4294967376}]}\n");
    assertInputError(CliRun.run("pss", "check", "-f", f),
        "js.yaml: document 0: spec.replicatedJobs[0].template.spec.template.spec.securityContext.runAsUser: Invalid value: \"99999999999999999999\"",
        "spec.replicatedJobs[0].template.spec.template.spec.containers[0].ports[0].hostPort: Invalid value: \"4294967376\": must be a 32-bit integer");
  }

  // ---- class 4: containers: [null] ----

  @Test
  void a_null_container_is_an_empty_one_everywhere_and_validate_says_what_it_lacks() throws IOException {
    // the API server decodes [null] in a list of containers as one zero-valued container, then
    // refuses it for its missing name and image; commands that only count resources read it as empty
    String f = file("n.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [null]\n" + NODE);
    assertThat(CliRun.run("cgroup", "pod", "-f", f).exit).isZero();
    assertThat(CliRun.run("gang", "place", "-f", f).exit).isZero();
    CliRun validate = CliRun.run("validate", "-f", f);
    assertThat(validate.exit).isEqualTo(ExitCodes.NEGATIVE);
    assertThat(validate.out).contains("spec.containers[0].name: Required value", "spec.containers[0].image: Required value");
  }

  // ---- class 5: int-or-string ports on a round trip ----

  @Test
  void dns_tune_keeps_an_integer_probe_port() throws IOException {
    String f = file("probe.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx\n"
        + "    livenessProbe: {httpGet: {path: /, port: 8080}}\n");
    CliRun r = CliRun.run("dns", "tune", "--ndots", "1", "-f", f, "-o", "yaml");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("port: 8080");
  }

  @Test
  void gang_place_expands_a_jobset_with_an_integer_probe_port() throws IOException {
    String f = file("js.yaml", "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata: {name: js}\nspec:\n  replicatedJobs:\n"
        + "  - name: w\n    replicas: 1\n    template:\n      spec:\n        template:\n          spec:\n            restartPolicy: Never\n"
        + "            containers:\n            - name: c\n              image: x\n              livenessProbe: {httpGet: {port: 8080}}\n" + NODE);
    CliRun r = CliRun.run("gang", "place", "-f", f);
    assertThat(r.exit).as(r.toString()).isZero();
  }

  @Test
  void a_port_that_is_neither_an_int32_nor_a_string_is_refused_without_java_names() throws IOException {
    String f = file("port.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx\n"
        + "    livenessProbe: {httpGet: {port: 8080.5}}\n");
    assertInputError(CliRun.run("validate", "-f", f), "port.yaml: document 0: spec.containers[0].livenessProbe.httpGet.port: Invalid value: \"8080.5\"");
  }

  // ---- class 6: PD catalogs ----

  private static final String GPU = "  bf16FlopsPerSecond: 989e12\n  memoryBytes: 85899345920\n  memoryBytesPerSecond: 3.35e12\n"
      + "  interconnectBytesPerSecond: 450e9\n  networkBytesPerSecond: 50e9\n";

  private CliRun plan(String catalog) throws IOException {
    return CliRun.run("pd", "plan", "--model", "Qwen/Qwen3-32B", "--system", "mine", "--total-gpus", "16", "--isl", "1000", "--osl", "100",
        "--catalog", file("catalog.yaml", catalog));
  }

  @Test
  void a_catalog_with_the_same_gpu_twice_is_refused_at_the_second() throws IOException {
    assertInputError(plan("gpus:\n- id: mine\n" + GPU + "- id: mine\n" + GPU), "catalog.yaml: gpus[1].id: Duplicate value: \"mine\"");
  }

  @Test
  void a_gpu_count_past_int_is_refused_not_cut() throws IOException {
    assertInputError(plan("gpus:\n- id: mine\n" + GPU + "  gpusPerNode: 2147483648\n"),
        "catalog.yaml: gpus[0].gpusPerNode: must be a whole number from 1 to 2147483647, not 2147483648");
  }

  @Test
  void a_fractional_gpu_count_is_refused_not_rounded() throws IOException {
    assertInputError(plan("gpus:\n- id: mine\n" + GPU + "  gpusPerNode: 8.9\n"), "catalog.yaml: gpus[0].gpusPerNode: must be a whole number, not 8.9");
  }

  @Test
  void serve_render_with_the_largest_gpu_count_renders() throws IOException {
    CliRun r = CliRun.run("serve", "render", "--name", "x", "--model", "Qwen/Qwen3-32B", "--system", "mine", "--total-gpus", "16",
        "--isl", "1000", "--osl", "100", "--catalog", file("catalog.yaml", "gpus:\n- id: mine\n" + GPU + "  gpusPerNode: 2147483647\n"));
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out).contains("kind: LeaderWorkerSet");
  }

  // ---- class 7: one quantity rule everywhere ----

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"abc", "'1.5.3Gi'", "'-1Gi'", "1GB", "' '", "1Mi1", "'-5'", "'1e'"})
  void validate_cgroup_pod_and_gang_place_refuse_the_same_quantity_at_the_same_field(String quantity) throws IOException {
    String f = pod(quantity);
    CliRun validate = CliRun.run("validate", "-f", f);
    assertThat(validate.exit).as(validate.toString()).isEqualTo(ExitCodes.NEGATIVE);
    String line = validate.out.lines().filter(l -> l.contains(LIMIT)).findFirst().orElseThrow();
    String reason = line.substring(line.indexOf(LIMIT));
    assertInputError(CliRun.run("cgroup", "pod", "-f", f), "p.yaml: document 0: " + reason);
    assertInputError(CliRun.run("gang", "place", "-f", f), "p.yaml: document 0: " + reason);
  }

  @Test
  void a_quoted_1e1000_is_a_quantity_no_consumer_can_count() throws IOException {
    String f = pod("'1e1000'");
    assertThat(CliRun.run("validate", "-f", f).exit).isEqualTo(ExitCodes.NEGATIVE);
    assertInputError(CliRun.run("cgroup", "pod", "-f", f), LIMIT + ": Invalid value: \"10e999\": the kubelet counts memory as a 64-bit integer");
    assertInputError(CliRun.run("gang", "place", "-f", f), LIMIT + ": Invalid value: \"10e999\": kube-scheduler counts memory as a 64-bit integer");
  }
}
