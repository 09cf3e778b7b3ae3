package dev.aiinfra.scheduling.policy.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.scheduling.model.GangKind;
import dev.aiinfra.scheduling.model.GangOwner;
import java.util.List;
import org.junit.jupiter.api.Test;

class GangResultTest {
  private static GangResult.Builder result() {
    return GangResult.builder().name("workers").namespace("ml").kind(GangKind.WORKLOAD).minCount(2).placed(2).fits(true);
  }

  @Test
  void where_lists_every_topology_domain_with_its_pod_count() {
    GangResult r = result().addPodSets(PodSetResult.builder().name("main").count(3)
        .topologyAssignment(TopologyAssignment.of(List.of("rack", "host"),
            List.of(DomainCount.of(List.of("r0", "h0"), 2), DomainCount.of(List.of("r0", "h1"), 1)))).build()).build();
    assertThat(r.where()).containsExactly("r0/h0=2", "r0/h1=1");
  }

  @Test
  void where_lists_the_nodes_once_each_without_a_topology_assignment() {
    GangResult r = result().addPodSets(PodSetResult.builder().name("main").count(3)
        .addPlacements(PodNode.of("p0", "n1"), PodNode.of("p1", "n1"), PodNode.of("p2", "n2")).build()).build();
    assertThat(r.where()).containsExactly("n1", "n2");
  }

  @Test
  void the_id_joins_namespace_owner_and_group() {
    assertThat(result().owner(GangOwner.of("JobSet", "train", "workers")).build().id()).isEqualTo("ml/JobSet/train/workers");
    assertThat(result().build().id()).isEqualTo("ml/workers");
  }

  @Test
  void a_workload_gang_built_without_an_owner_is_still_a_workload() {
    assertThat(result().build().gangApi()).isEqualTo("workload");
    assertThat(result().owner(GangOwner.of("Workload", "train", "workers")).build().gangApi()).isEqualTo("workload");
    assertThat(result().owner(GangOwner.of("StatefulSet", "db")).build().gangApi()).isEqualTo("none");
    assertThat(result().kind(GangKind.KUEUE).owner(GangOwner.of("JobSet", "train")).build().gangApi()).isEqualTo("kueue");
  }
}
