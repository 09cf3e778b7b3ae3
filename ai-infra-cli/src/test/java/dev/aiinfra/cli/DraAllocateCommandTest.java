package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DraAllocateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String resource(String name) {
    try {
      return Path.of(DraAllocateCommandTest.class.getResource("/dra/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(CliRun r) throws IOException {
    return JSON.readTree(r.out);
  }

  @Test
  void a_pods_claim_template_lands_on_the_node_whose_gpus_and_nics_share_pcie_roots() throws IOException {
    CliRun r = CliRun.run("dra", "allocate", "-f", resource("cluster.yaml"), "-f", resource("pod.yaml"), "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode j = json(r);
    assertThat(j.get("satisfiable").asBoolean()).isTrue();
    assertThat(j.get("node").asText()).isEqualTo("node-a");
    assertThat(j.get("feasibleNodes").toString()).isEqualTo("[\"node-a\"]");
    JsonNode claim = j.at("/claims/0");
    assertThat(claim.get("name").asText()).isEqualTo("trainer-accelerators");
    assertThat(claim.get("namespace").asText()).isEqualTo("ml");
    assertThat(claim.get("results")).hasSize(4);
    assertThat(claim.at("/results/0").toString())
        .isEqualTo("{\"request\":\"gpu-0\",\"driver\":\"gpu.example.com\",\"pool\":\"node-a\",\"device\":\"gpu-0\"}");
    assertThat(claim.at("/nodeSelector/nodeSelectorTerms/0/matchFields/0/values/0").asText()).isEqualTo("node-a");
    assertThat(j.get("reasons").toString()).contains("node node-b: ").contains("DRA_CONSTRAINT_UNSATISFIED").contains("DRA_NO_DEVICES");
    assertThat(j.has("error")).isFalse();
  }

  @Test
  void on_the_misaligned_node_the_answer_is_no_with_the_constraint_named() throws IOException {
    CliRun r = CliRun.run("dra", "allocate", "-f", resource("cluster.yaml"), "-f", resource("pod.yaml"), "--node", "node-b", "-o", "json");
    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    JsonNode j = json(r);
    assertThat(j.get("satisfiable").asBoolean()).isFalse();
    assertThat(j.get("node").asText()).isEqualTo("node-b");
    assertThat(j.get("claims")).isEmpty();
    assertThat(j.at("/reasons/0/code").asText()).isEqualTo("DRA_CONSTRAINT_UNSATISFIED");
    assertThat(j.at("/reasons/0/message").asText()).contains("resource.kubernetes.io/pcieRoot over [gpu-0, nic-0]");
  }

  @Test
  void claims_with_an_allocation_hold_their_devices() throws IOException {
    CliRun r = CliRun.run("dra", "allocate", "-f", resource("cluster.yaml"), "-f", resource("allocated.yaml"), "-f", resource("two-gpus.yaml"), "-o", "json");
    JsonNode j = json(r);
    assertThat(j.get("node").asText()).isEqualTo("node-b");
    assertThat(j.get("feasibleNodes").toString()).isEqualTo("[\"node-b\"]");
    assertThat(j.get("reasons").toString()).contains("node node-a: ").contains("DRA_DEVICES_IN_USE").contains("1 allocated");
  }

  @Test
  void a_cel_runtime_error_is_fatal_with_exit_1() throws IOException {
    CliRun r = CliRun.run("dra", "allocate", "-f", resource("cluster.yaml"), "-f", resource("bad-cel.yaml"), "-o", "json");
    assertThat(r.exit).as(r.toString()).isEqualTo(1);
    JsonNode j = json(r);
    assertThat(j.at("/error/kind").asText()).isEqualTo("fatal");
    assertThat(j.at("/error/message").asText()).contains("modle");
    assertThat(j.get("feasibleNodes")).isEmpty();
  }

  @Test
  void a_cel_runtime_error_names_the_claim_request_and_device() throws IOException {
    CliRun r = CliRun.run("dra", "allocate", "-f", resource("cluster.yaml"), "-f", resource("bad-cel.yaml"), "-o", "json");
    assertThat(json(r).at("/error/message").asText())
        .startsWith("node node-a: claim default/typo, request gpu: selector #0, device gpu.example.com/node-a/gpu-0: CEL runtime error");
  }

  @Test
  void v1beta1_objects_are_allocated_as_the_v1_objects_they_convert_to() throws IOException {
    CliRun v1 = CliRun.run("dra", "allocate", "-f", resource("cluster.yaml"), "-f", resource("pod.yaml"), "-o", "json");
    CliRun beta = CliRun.run("dra", "allocate", "-f", resource("cluster-v1beta1.yaml"), "-f", resource("pod-v1beta1.yaml"), "-o", "json");
    assertThat(beta.exit).as(beta.toString()).isZero();
    assertThat(json(beta)).isEqualTo(json(v1));
  }

  @Test
  void a_v1beta2_claim_is_read_like_a_v1_claim() throws IOException {
    Path claim = Files.createTempFile("v1beta2", ".yaml");
    try {
      Files.writeString(claim, Files.readString(Path.of(resource("two-gpus.yaml"))).replace("resource.k8s.io/v1", "resource.k8s.io/v1beta2"));
      CliRun r = CliRun.run("dra", "allocate", "-f", resource("cluster.yaml"), "-f", claim.toString(), "-o", "json");
      assertThat(r.exit).as(r.toString()).isZero();
      assertThat(json(r).at("/claims/0/results")).hasSize(2);
    } finally {
      Files.delete(claim);
    }
  }

  @Test
  void a_dra_kind_at_another_api_version_says_which_versions_are_read() throws IOException {
    CliRun r = CliRun.withStdin("apiVersion: example.com/v1\nkind: ResourceClaim\nmetadata: {name: c}\n", "dra", "allocate", "-f", "-");
    assertThat(r.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains("apiVersion: Unsupported value: \"example.com/v1\": dra reads ResourceClaim at resource.k8s.io/v1, v1beta2 or v1beta1");
  }

  @Test
  void v1beta1_problems_are_reported_at_the_field_as_written() {
    CliRun r = CliRun.withStdin("apiVersion: resource.k8s.io/v1beta1\nkind: ResourceClaim\nmetadata: {name: c}\n"
        + "spec: {devices: {requests: [{name: gpu, deviceClassName: gpu, allocationMode: Some}]}}\n", "dra", "allocate", "-f", "-");
    assertThat(r.exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).contains("spec.devices.requests[0].allocationMode: Unsupported value: \"Some\"").doesNotContain("exactly.");
  }

  @Test
  void invalid_claims_exit_2_listing_every_violation() {
    CliRun r = CliRun.run("dra", "allocate", "-f", resource("cluster.yaml"), "-f", resource("invalid.yaml"), "-o", "json");
    assertThat(r.exit).as(r.toString()).isEqualTo(2);
    assertThat(r.err).contains("invalid.yaml").contains("allocationMode").contains("requests[1]").contains("count");
    assertThat(r.err).doesNotContain("Exception");
  }

  @Test
  void text_output_lists_devices_and_reasons() {
    CliRun r = CliRun.run("dra", "allocate", "-f", resource("cluster.yaml"), "-f", resource("pod.yaml"));
    assertThat(r.out).contains("ml/trainer-accelerators").contains("allocated on node node-a").contains("node node-b: DRA_CONSTRAINT_UNSATISFIED");
  }

  @Test
  void gates_come_from_the_kubernetes_version() throws IOException {
    CliRun r = CliRun.run("dra", "allocate", "-f", resource("cluster.yaml"), "-f", resource("two-gpus.yaml"),
        "--kubernetes-version", "1.34", "--feature-gates", "DRAPrioritizedList=false", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(json(r).get("node").asText()).isEqualTo("node-a");
  }
}
