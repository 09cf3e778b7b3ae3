package dev.aiinfra.scheduling.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.scheduling.policy.placement.GangPlacement;
import dev.aiinfra.scheduling.policy.placement.GangResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gang place} reads a group's bound pods from the cluster: they pin its domain and count towards minCount. */
class BoundMembersTest {
  private static final String NODES = """
      apiVersion: v1
      kind: Node
      metadata: {name: a, labels: {kubernetes.io/hostname: a, cloud.example.com/rack: ra}}
      status: {allocatable: {cpu: "64", pods: "110"}}
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: b, labels: {kubernetes.io/hostname: b, cloud.example.com/rack: rb}}
      status: {allocatable: {cpu: "8", pods: "110"}}
      ---
      apiVersion: scheduling.k8s.io/v1alpha2
      kind: PodGroup
      metadata: {name: train, namespace: ml}
      spec:
        schedulingPolicy: {gang: {minCount: 3}}
        schedulingConstraints:
          topology: [{key: cloud.example.com/rack}]
      """;

  private static String pod(String name, String node) {
    return """
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: ml}
        spec:
          %s
          schedulingGroup: {podGroupName: train}
          containers: [{name: c, image: x, resources: {requests: {cpu: "2"}}}]
        """.formatted(name, node == null ? "" : "nodeName: " + node);
  }

  private static GangResult place(String yaml) {
    GangInputs in = GangInputs.read(ManifestReader.withDefaults().readString("in.yaml", yaml), List.of());
    assertThat(in.rejected()).isEmpty();
    return GangPlacement.place(in.model(), in.gangs(), in.options()).gangs().get(0);
  }

  @Test
  void without_a_bound_member_the_group_packs_into_the_smaller_rack() {
    // MostAllocated over the placement prefers the rack the gang fills most
    GangResult r = place(NODES + pod("train-0", null) + pod("train-1", null) + pod("train-2", null));
    assertThat(r.where()).containsExactly("rb/b=3");
  }

  @Test
  void the_rest_of_a_group_joins_its_bound_member_in_the_larger_rack() {
    GangResult r = place(NODES + pod("train-0", "a") + pod("train-1", null) + pod("train-2", null));
    assertThat(r.fits()).isTrue();
    assertThat(r.placed()).isEqualTo(2);
    assertThat(r.where()).containsExactly("ra/a=2");
  }

  @Test
  void a_bound_member_counts_towards_min_count() {
    // two pending pods and minCount 3: waiting for pods without the bound one, placed with it
    GangResult r = place(NODES + pod("train-0", "b") + pod("train-1", null) + pod("train-2", null));
    assertThat(r.fits()).isTrue();
    assertThat(r.placed()).isEqualTo(2);
  }
}
