package dev.aiinfra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code gang place} and {@code dra allocate} read a cluster's Nodes through the one cluster-model reader, so alike. */
class OneClusterModelTest {
  private static final String BAD_NODE = """
      apiVersion: v1
      kind: Node
      metadata: {name: node-a, labels: {kubernetes.io/hostname: node-a}}
      spec:
        taints: [{key: gpu, effect: Sometimes}]
      status:
        allocatable: {cpu: "8", pods: "110"}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: want}
      spec:
        containers: [{name: c, image: x, resources: {requests: {cpu: "1"}}}]
      """;

  private static String resource(String name) {
    try {
      return Path.of(OneClusterModelTest.class.getResource(name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_node_with_an_unsupported_taint_effect_is_refused_at_its_field_by_gang_place_and_dra_allocate() {
    CliRun gang = CliRun.withStdin(BAD_NODE, "gang", "place", "-f", "-");
    CliRun dra = CliRun.withStdin(BAD_NODE.substring(0, BAD_NODE.indexOf("---")), "dra", "allocate", "-f", "-", "-f", resource("/dra/two-gpus.yaml"));
    for (CliRun r : new CliRun[] {gang, dra}) {
      assertThat(r.exit).as(r.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err).as(r.toString()).contains("spec.taints[0].effect").contains("Sometimes").doesNotContain("\tat ");
    }
  }
}
