package dev.aiinfra.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.render.ClusterSnapshot;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.resource.v1.ResourceClaimTemplateBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a snapshot takes from the cluster, beyond nodes and pods, so the offline commands give the same answers. */
class SnapshotReaderTest {
  private ApplyAwareMockServer server;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    server = ApplyAwareMockServer.create();
    client = server.client();
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  /** The scheduling group as a 1.36 server lists it: v1 (PriorityClass) first, v1alpha2 with PodGroup. */
  private void serveSchedulingV1alpha2() {
    var v1 = new io.fabric8.kubernetes.api.model.GroupVersionForDiscovery("scheduling.k8s.io/v1", "v1");
    var alpha = new io.fabric8.kubernetes.api.model.GroupVersionForDiscovery("scheduling.k8s.io/v1alpha2", "v1alpha2");
    var group = new APIGroupBuilder().withName("scheduling.k8s.io").withVersions(v1, alpha).withPreferredVersion(v1).build();
    server.expect().get().withPath("/apis").andReturn(200, new APIGroupListBuilder().withGroups(group).build()).always();
    server.expect().get().withPath("/apis/scheduling.k8s.io").andReturn(200, group).always();
    server.expect().get().withPath("/apis/scheduling.k8s.io/v1").andReturn(200, new APIResourceListBuilder()
        .withGroupVersion("scheduling.k8s.io/v1")
        .addNewResource().withName("priorityclasses").withKind("PriorityClass").withNamespaced(false).withVerbs("get", "list").endResource()
        .build()).always();
    server.expect().get().withPath("/apis/scheduling.k8s.io/v1alpha2").andReturn(200, new APIResourceListBuilder()
        .withGroupVersion("scheduling.k8s.io/v1alpha2")
        .addNewResource().withName("podgroups").withKind("PodGroup").withNamespaced(true).withVerbs("get", "list", "create").endResource()
        .addNewResource().withName("podgroups/status").withKind("PodGroup").withNamespaced(true).withVerbs("get").endResource()
        .build()).always();
  }

  @Test
  void pod_groups_and_claim_templates_are_in_the_snapshot() {
    serveSchedulingV1alpha2();
    client.nodes().resource(new NodeBuilder().withNewMetadata().withName("n").endMetadata().build()).create();
    client.genericKubernetesResources("scheduling.k8s.io/v1alpha2", "PodGroup").inNamespace("ml")
        .resource(new GenericKubernetesResourceBuilder().withApiVersion("scheduling.k8s.io/v1alpha2").withKind("PodGroup")
            .withNewMetadata().withName("infer").withNamespace("ml").endMetadata()
            .withAdditionalProperties(Map.of("spec", Map.of("schedulingPolicy", Map.of("gang", Map.of("minCount", 3))))).build())
        .create();
    client.resource(new ResourceClaimTemplateBuilder().withNewMetadata().withName("gpus").withNamespace("ml").endMetadata()
        .withNewSpec().withNewSpec().withNewDevices().endDevices().endSpec().endSpec().build()).create();
    ClusterSnapshot s = SnapshotReader.read(client);
    assertThat(s.gangs()).extracting(HasMetadata::getKind, o -> o.getMetadata().getName()).containsExactly(
        org.assertj.core.groups.Tuple.tuple("PodGroup", "infer"));
    assertThat(s.resourceClaimTemplates()).extracting(o -> o.getMetadata().getName()).containsExactly("gpus");
    assertThat(s.toBundle().toYaml()).contains("apiVersion: scheduling.k8s.io/v1alpha2", "kind: PodGroup", "minCount: 3", "kind: ResourceClaimTemplate");
  }

  @Test
  void a_cluster_without_the_gang_api_gives_a_snapshot_without_gangs() {
    client.nodes().resource(new NodeBuilder().withNewMetadata().withName("n").endMetadata().build()).create();
    ClusterSnapshot s = SnapshotReader.read(client);
    assertThat(s.gangs()).isEmpty();
    assertThat(s.nodes()).hasSize(1);
  }
}
