package dev.aiinfra.scheduling.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.ManifestReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nodes without a workload are not "every gang fits": there is no gang to place (issue 15, defect 1). */
class GangInputsNothingToPlaceTest {
  private static final String NODE = "apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus:\n  allocatable: {cpu: '64', memory: 512Gi, pods: '110'}\n";

  private static List<String> errors(String yaml) {
    try {
      GangInputs.read(ManifestReader.withDefaults().readString("cluster.yaml", yaml), List.of());
      return List.of();
    } catch (ManifestReadException e) {
      return e.errors().stream().map(InputError::toString).toList();
    }
  }

  @Test
  void nodes_alone_have_no_gang_to_place() {
    assertThat(errors(NODE + "---\n" + NODE.replace("name: n", "name: m"))).containsExactly(
        "cluster.yaml: no gang to place: the input holds 2 Nodes but no pending Pod (one without spec.nodeName)"
            + " and no Job, JobSet, LeaderWorkerSet or StatefulSet; add the workload to place");
  }

  @Test
  void bound_pods_only_describe_the_cluster_and_are_no_gang() {
    assertThat(errors(NODE + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  nodeName: n\n"
        + "  containers: [{name: c, image: x}]\nstatus: {phase: Running}\n"))
        .singleElement().asString().startsWith("cluster.yaml: no gang to place: the input holds 1 Node but no pending Pod");
  }

  @Test
  void one_pending_pod_is_a_gang_to_place() {
    assertThat(errors(NODE + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x}]\n")).isEmpty();
  }
}
