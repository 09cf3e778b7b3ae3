package dev.aiinfra.scheduling.policy.kueue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.core.model.inventory.NodeState;
import dev.aiinfra.core.model.quantity.Quantity;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.scheduling.model.kueue.QueueRecipeOptions;
import dev.aiinfra.testing.Gen;
import dev.aiinfra.testing.Property;
import dev.aiinfra.testing.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** On generated clusters: every usable GPU node in exactly one flavor, quotas sum its allocatable, the set is valid, the answer deterministic. */
class GpuQueueRecipePropertiesTest {
  static LongStream seeds() {
    return Seeds.of(10);
  }

  private static final List<String> PRODUCTS = List.of("NVIDIA-H100-80GB-HBM3", "NVIDIA-A100-SXM4-80GB", "NVIDIA-L4", "Tesla-T4", "h200");

  static Gen<Cluster> clusters() {
    return r -> {
      Cluster.Builder b = Cluster.builder();
      int n = 1 + r.nextInt(12);
      for (int i = 0; i < n; i++) {
        NodeState.Builder node = NodeState.builder().name("n" + i).unschedulable(r.nextInt(6) == 0)
            .allocatable(ResourceList.of("cpu", String.valueOf(1 + r.nextInt(128)), "memory", (1 + r.nextInt(64)) + "Gi",
                "nvidia.com/gpu", String.valueOf(r.nextInt(9))));
        if (r.nextInt(5) != 0) {
          node.putLabel(QueueRecipeOptions.NVIDIA_GPU_PRODUCT, PRODUCTS.get(r.nextInt(PRODUCTS.size())));
        }
        if (r.nextBoolean()) {
          node.putLabel("cloud.provider.com/topology-block", "b" + r.nextInt(2)).putLabel("cloud.provider.com/topology-rack", "r" + r.nextInt(3));
        }
        b.addNode(node.build());
      }
      return b.build();
    };
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void every_usable_gpu_node_is_in_exactly_one_flavor_whose_quota_sums_its_nodes(long seed) {
    Property.forAll(seed, clusters(), 100, c -> {
      QueueRecipe r = GpuQueueRecipe.derive(c, QueueRecipeOptions.defaults());
      List<String> usable = c.nodes().stream().filter(n -> n.labels().containsKey(QueueRecipeOptions.NVIDIA_GPU_PRODUCT) && !n.unschedulable())
          .map(NodeState::name).toList();
      List<String> placed = new ArrayList<>();
      r.flavors().forEach(f -> placed.addAll(f.nodes()));
      assertThat(placed).containsExactlyInAnyOrderElementsOf(usable);
      assertThat(r.derived()).isEqualTo(!usable.isEmpty());
      for (RecipeFlavor f : r.flavors()) {
        for (String res : r.coveredResources()) {
          Quantity sum = f.nodes().stream().map(n -> c.node(n).orElseThrow().allocatable().get(res)).reduce(Quantity.ZERO, Quantity::plus);
          assertThat(f.quota().get(res)).as(f.name() + " " + res).isEqualTo(sum);
        }
      }
      assertThat(KueueValidation.validate(r.objects())).isEmpty();
      assertThat(GpuQueueRecipe.derive(c, QueueRecipeOptions.defaults())).isEqualTo(r);
    });
  }
}
