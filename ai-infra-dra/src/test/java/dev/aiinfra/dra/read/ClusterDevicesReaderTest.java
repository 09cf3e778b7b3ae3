package dev.aiinfra.dra.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.read.ClusterModelReader;
import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.read.SourcedObject;
import dev.aiinfra.dra.model.ClusterDevices;
import dev.aiinfra.dra.model.ResourceClaimSpec;
import dev.aiinfra.dra.policy.AllocatedDevices;
import dev.aiinfra.dra.policy.AllocationOutcome;
import dev.aiinfra.dra.policy.DeviceAllocator;
import dev.aiinfra.dra.policy.DraCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The DRA part of the one cluster model: {@code DraCluster.of(cluster)} is the allocator's view of
 * it, equal to the DraCluster built from the read slices, classes and node labels, with the same
 * allocations on the {@code dra allocate} fixtures.
 */
class ClusterDevicesReaderTest {
  /** The fixtures {@code dra allocate}'s command tests use. */
  private static final Path FIXTURES = Path.of("..", "ai-infra-cli", "src", "test", "resources", "dra");

  private static final String NODES = """
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: node-a, labels: {rack: r1}}
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: node-d, labels: {rack: r2}}
      """;

  private static List<SourcedObject> fixtures(String... names) throws IOException {
    List<SourcedObject> all = new ArrayList<>();
    for (String n : names) {
      all.addAll(ManifestReader.withDefaults().readString(n, Files.readString(FIXTURES.resolve(n))));
    }
    return all;
  }

  private static List<SourcedObject> objects(String yaml) {
    return ManifestReader.withDefaults().readString("in.yaml", yaml);
  }

  /** The construction before the model: slices, classes and node labels handed to the builder. */
  private static DraCluster builtByHand(DraInputs in) {
    return DraCluster.builder().addAllSlices(in.slices()).addAllClasses(in.classes()).putAllNodes(in.nodes()).build();
  }

  private static List<AllocationOutcome> everyNode(DraCluster cluster, List<ResourceClaimSpec> claims, AllocatedDevices allocated) {
    DeviceAllocator allocator = DeviceAllocator.of(cluster, ClusterProfile.defaults());
    return cluster.nodeNames().stream().map(n -> allocator.allocate(n, claims, allocated)).toList();
  }

  @Test
  void the_allocator_view_of_the_model_equals_the_cluster_built_by_hand_and_allocates_alike() throws IOException {
    for (String[] input : List.of(new String[] {"cluster.yaml", "pod.yaml"}, new String[] {"cluster.yaml", "allocated.yaml", "two-gpus.yaml"},
        new String[] {"cluster-v1beta1.yaml", "pod-v1beta1.yaml"})) {
      List<SourcedObject> objects = fixtures(input);
      objects.addAll(objects(NODES));
      DraInputs in = DraReader.read(objects);
      DraCluster old = builtByHand(in);
      DraCluster view = DraCluster.of(in.model());
      assertThat(view).as(String.join(" ", input)).isEqualTo(old);
      assertThat(everyNode(view, in.podClaims(), AllocatedDevices.of(in.model())))
          .isEqualTo(everyNode(old, in.podClaims(), AllocatedDevices.of(in.claims())));
    }
  }

  @Test
  void the_one_reader_with_the_dra_part_fills_the_same_model_as_dra_allocate_reads() throws IOException {
    List<SourcedObject> objects = fixtures("cluster.yaml", "allocated.yaml", "two-gpus.yaml");
    objects.addAll(objects(NODES));
    Cluster model = ClusterModelReader.read(objects, ClusterDevicesReader.create());
    assertThat(model).isEqualTo(DraReader.read(objects).model());
    assertThat(DraCluster.of(model).nodeLabels("node-a")).isEqualTo(Map.of("rack", "r1"));
  }

  @Test
  void claims_still_to_allocate_are_workload_not_cluster_state() throws IOException {
    Cluster model = ClusterModelReader.read(fixtures("cluster.yaml", "allocated.yaml", "two-gpus.yaml"), ClusterDevicesReader.create());
    assertThat(ClusterDevices.of(model).claims()).extracting(ResourceClaimSpec::name).containsExactly("earlier");
  }

  @Test
  void a_claim_without_an_allocation_is_refused_as_cluster_state() throws IOException {
    ResourceClaimSpec pending = DraReader.read(fixtures("cluster.yaml", "two-gpus.yaml")).claims().get(0);
    assertThatThrownBy(() -> ClusterDevices.builder().addClaim(pending).build()).hasMessageContaining("claims[0].status.allocation");
  }

  @Test
  void a_dra_object_at_a_version_not_read_is_refused_with_its_file_and_document() {
    String yaml = "apiVersion: resource.k8s.io/v1alpha3\nkind: DeviceClass\nmetadata: {name: gpu}\nspec: {}\n";
    assertThatThrownBy(() -> ClusterModelReader.read(objects(yaml), ClusterDevicesReader.create()))
        .isInstanceOf(ManifestReadException.class)
        .satisfies(e -> assertThat(((ManifestReadException) e).errors()).singleElement().extracting(InputError::toString).asString()
            .startsWith("in.yaml: document 0: ").contains("resource.k8s.io/v1alpha3"));
  }

  @Test
  void dra_allocate_reads_a_node_as_every_command_reads_it() throws IOException {
    List<SourcedObject> objects = fixtures("cluster.yaml", "two-gpus.yaml");
    objects.addAll(objects("apiVersion: v1\nkind: Node\nmetadata: {name: node-a}\nspec:\n  taints: [{key: k, effect: Sometimes}]\n"));
    assertThatThrownBy(() -> DraReader.read(objects))
        .isInstanceOf(ManifestReadException.class)
        .satisfies(e -> assertThat(((ManifestReadException) e).errors()).extracting(InputError::field).containsExactly("spec.taints[0].effect"));
  }

  @Test
  void one_node_written_under_two_namespaces_is_refused_at_the_second_with_its_file() throws IOException {
    List<SourcedObject> objects = fixtures("cluster.yaml", "two-gpus.yaml");
    objects.addAll(objects("apiVersion: v1\nkind: Node\nmetadata: {name: node-c, namespace: elsewhere}\n"));
    assertThatThrownBy(() -> DraReader.read(objects))
        .isInstanceOf(ManifestReadException.class)
        .satisfies(e -> assertThat(((ManifestReadException) e).errors()).singleElement().extracting(InputError::toString).asString()
            .startsWith("in.yaml: document 0: metadata.name: Duplicate value").contains("cluster.yaml"));
  }
}
