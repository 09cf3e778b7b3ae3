package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pod-level resources (KEP-2837) through the commands: the scheduler's request, the kubelet's cgroups, validation. */
class PodLevelResourcesCommandTest {
  @TempDir Path dir;

  private static final String POD = String.join("\n", "apiVersion: v1", "kind: Pod", "metadata: {name: web}", "spec:",
      "  resources: {limits: {cpu: '4', memory: 8Gi}}", "  containers:", "  - {name: app, image: app:1}", "  - {name: log, image: log:1}", "");

  private static String nativeGang(String podResources) {
    StringBuilder b = new StringBuilder("apiVersion: scheduling.k8s.io/v1alpha2\nkind: PodGroup\nmetadata: {name: g, namespace: ml}\n"
        + "spec:\n  schedulingPolicy: {gang: {minCount: 2}}\n");
    for (int i = 0; i < 2; i++) {
      b.append("---\napiVersion: v1\nkind: Pod\nmetadata: {name: g-").append(i).append(", namespace: ml}\nspec:\n")
          .append("  schedulingGroup: {podGroupName: g}\n  resources: ").append(podResources).append('\n')
          .append("  containers:\n  - {name: c, image: x, resources: {requests: {cpu: '1'}}}\n");
    }
    return b.toString();
  }

  private static String nodes() {
    return "apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus:\n  allocatable: {cpu: '96', memory: 1Ti, pods: '110'}\n";
  }

  @Test
  void cgroup_pod_makes_bare_containers_guaranteed_under_pod_level_limits() throws IOException {
    CliRun r = CliRun.withStdin(POD, "cgroup", "pod", "-f", "-", "-o", "json");
    assertThat(r.exit).as(r.toString()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out);
    assertThat(j.get("qos").asText()).isEqualTo("Guaranteed");
    assertThat(j.at("/pod/cpu.max").asText()).isEqualTo("400000 100000");
    assertThat(j.at("/containers/1/memory.max").asText()).isEqualTo(Long.toString(8L << 30));
  }

  @Test
  void gang_place_counts_the_pod_level_request_not_the_containers_sum() throws IOException {
    Files.writeString(dir.resolve("nodes.yaml"), nodes());
    Files.writeString(dir.resolve("small.yaml"), nativeGang("{requests: {cpu: '40'}}"));
    Files.writeString(dir.resolve("big.yaml"), nativeGang("{requests: {cpu: '60'}}"));
    CliRun fits = CliRun.run("gang", "place", "-f", dir.resolve("nodes.yaml").toString(), "-f", dir.resolve("small.yaml").toString(), "-o", "json");
    assertThat(fits.exit).as(fits.toString()).isZero();
    CliRun tooBig = CliRun.run("gang", "place", "-f", dir.resolve("nodes.yaml").toString(), "-f", dir.resolve("big.yaml").toString(), "-o", "json");
    assertThat(tooBig.exit).as(tooBig.toString()).isEqualTo(ExitCodes.NEGATIVE);
  }

  @Test
  void validate_refuses_a_pod_level_request_below_its_containers() throws IOException {
    Files.writeString(dir.resolve("pod.yaml"), POD.replace("{limits: {cpu: '4', memory: 8Gi}}", "{requests: {cpu: 500m}}")
        .replace("{name: app, image: app:1}", "{name: app, image: app:1, resources: {requests: {cpu: '1'}}}"));
    CliRun r = CliRun.run("validate", "-f", dir.resolve("pod.yaml").toString());
    assertThat(r.exit).as(r.toString()).isEqualTo(ExitCodes.NEGATIVE);
    assertThat(r.out + r.err).contains("spec.resources.requests[cpu]", "aggregate container requests of 1");
  }
}
