package dev.aiinfra.core.model.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.InvalidSpecException;
import dev.aiinfra.core.model.quantity.ResourceList;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterTest {
  private static NodeState node(String name) {
    return NodeState.builder().name(name).allocatable(ResourceList.of("cpu", "8", "pods", "110")).build();
  }

  private static BoundPod pod(String name, String node, String cpu) {
    return BoundPod.builder().name(name).node(node).requests(ResourceList.of("cpu", cpu)).build();
  }

  /** A part other modules would contribute. */
  record Gpus(int count) implements ClusterPart {}

  @Test
  void a_node_name_given_twice_is_refused_at_its_path() {
    assertThatThrownBy(() -> Cluster.builder().addNode(node("a")).addNode(node("a")).build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("nodes[1].name");
  }

  @Test
  void usage_sums_the_bound_pods_of_each_node_with_one_pod_slot_each() {
    Cluster c = Cluster.builder().addNode(node("a")).addPod(pod("p1", "a", "1")).addPod(pod("p2", "a", "500m")).build();
    assertThat(c.used("a")).isEqualTo(ResourceList.of("cpu", "1500m", "pods", "2"));
    assertThat(c.used("b")).isEqualTo(ResourceList.empty());
  }

  @Test
  void a_pod_may_name_a_node_that_is_not_described() {
    Cluster c = Cluster.builder().addPod(pod("p1", "elsewhere", "1")).build();
    assertThat(c.usage()).containsOnlyKeys("elsewhere");
  }

  @Test
  void a_node_without_a_ready_condition_is_ready_and_one_with_ready_false_is_not() {
    assertThat(node("a").ready()).isTrue();
    assertThat(node("a").withConditions(Map.of("Ready", "False")).ready()).isFalse();
    assertThat(node("a").withConditions(Map.of("Ready", "True", "MemoryPressure", "False")).ready()).isTrue();
  }

  @Test
  void a_part_is_found_by_its_type_and_replaced_by_another_of_the_same_type() {
    Cluster c = Cluster.builder().addPart(new Gpus(1)).build();
    assertThat(c.part(Gpus.class)).contains(new Gpus(1));
    assertThat(c.withPart(new Gpus(2)).part(Gpus.class)).contains(new Gpus(2));
    assertThat(Cluster.empty().part(Gpus.class)).isEmpty();
  }

  @Test
  void two_parts_of_one_type_are_refused() {
    assertThatThrownBy(() -> Cluster.builder().addPart(new Gpus(1)).addPart(new Gpus(2)).build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("parts[1]");
  }
}
