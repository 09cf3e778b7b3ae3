package dev.aiinfra.scheduling.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.inventory.BoundPod;
import dev.aiinfra.core.read.ClusterModelReader;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.scheduling.model.ClusterState;
import dev.aiinfra.scheduling.policy.placement.GangPlacement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gang place} reads its cluster through the one reader into the one model; the placement view is built from it. */
class GangInputsClusterModelTest {
  private static final String INPUT = """
      apiVersion: v1
      kind: Node
      metadata: {name: a, labels: {kubernetes.io/hostname: a}}
      status:
        allocatable: {cpu: "8", pods: "110"}
        conditions: [{type: Ready, status: "True"}]
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: b, labels: {kubernetes.io/hostname: b}}
      spec: {unschedulable: true}
      status: {allocatable: {cpu: "8", pods: "110"}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: busy, namespace: ml}
      spec:
        nodeName: a
        containers: [{name: c, image: x, resources: {requests: {cpu: "6"}}}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: finished, namespace: ml}
      spec:
        nodeName: a
        containers: [{name: c, image: x, resources: {requests: {cpu: "6"}}}]
      status: {phase: Succeeded}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: want, namespace: ml}
      spec:
        containers: [{name: c, image: x, resources: {requests: {cpu: "4"}}}]
      """;

  private static List<SourcedObject> objects() {
    return ManifestReader.withDefaults().readString("in.yaml", INPUT);
  }

  @Test
  void the_cluster_read_for_placement_is_the_one_model_of_its_nodes_and_bound_pods() {
    GangInputs in = GangInputs.read(objects(), List.of());
    assertThat(in.model()).isEqualTo(ClusterModelReader.read(objects()));
    assertThat(in.model().pods()).extracting(BoundPod::name).containsExactly("busy");
    assertThat(in.cluster()).isEqualTo(ClusterState.of(in.model()));
  }

  @SuppressWarnings("deprecation")
  @Test
  void the_view_equals_the_state_the_former_reader_built() {
    List<SourcedObject> objects = objects();
    ClusterState former = ClusterState.builder()
        .addNodes(ClusterReader.node((io.fabric8.kubernetes.api.model.Node) objects.get(0).object()))
        .addNodes(ClusterReader.node((io.fabric8.kubernetes.api.model.Node) objects.get(1).object()))
        .putUsage("a", ClusterReader.usage((io.fabric8.kubernetes.api.model.Pod) objects.get(2).object()))
        .build();
    GangInputs in = GangInputs.read(objects, List.of());
    // the former reader had no pods: only their usage (the pods now feed the inter-pod affinity filter)
    assertThat(ClusterState.builder().from(in.cluster()).pods(List.of()).build()).isEqualTo(former);
    assertThat(GangPlacement.place(in.model(), in.gangs(), in.options())).isEqualTo(GangPlacement.place(former, in.gangs(), in.options()));
  }

  @Test
  void the_pending_pod_does_not_fit_beside_the_bound_one() {
    GangInputs in = GangInputs.read(objects(), List.of());
    assertThat(GangPlacement.place(in.model(), in.gangs(), in.options()).gangs().get(0).fits()).isFalse();
  }
}
