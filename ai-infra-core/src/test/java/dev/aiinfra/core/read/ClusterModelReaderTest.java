package dev.aiinfra.core.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.model.inventory.BoundPod;
import dev.aiinfra.core.model.inventory.Cluster;
import dev.aiinfra.core.model.inventory.ClusterPart;
import dev.aiinfra.core.model.inventory.NodeState;
import dev.aiinfra.core.model.node.Taint;
import dev.aiinfra.core.model.node.TaintEffect;
import dev.aiinfra.core.model.quantity.ResourceList;
import dev.aiinfra.core.render.ClusterSnapshot;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterModelReaderTest {
  private static final String NODES = """
      apiVersion: v1
      kind: Node
      metadata: {name: gpu-1, labels: {rack: r1}}
      spec:
        unschedulable: true
        taints: [{key: nvidia.com/gpu, value: present, effect: NoSchedule}]
      status:
        allocatable: {cpu: "64", nvidia.com/gpu: "8", pods: "110"}
        conditions: [{type: Ready, status: "False"}, {type: MemoryPressure, status: "False"}]
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: gpu-2}
      status:
        capacity: {cpu: "32"}
      """;

  private static List<SourcedObject> objects(String yaml) {
    return ManifestReader.withDefaults().readString("cluster.yaml", yaml);
  }

  private static String pod(String name, String node, String phase) {
    return "apiVersion: v1\nkind: Pod\nmetadata: {name: " + name + ", namespace: ml}\nspec:\n"
        + (node == null ? "" : "  nodeName: " + node + "\n")
        + "  containers: [{name: c, image: x, resources: {requests: {cpu: \"2\", nvidia.com/gpu: \"1\"}, limits: {nvidia.com/gpu: \"1\"}}}]\n"
        + (phase == null ? "" : "status: {phase: " + phase + "}\n");
  }

  @Test
  void a_node_keeps_its_labels_taints_schedulability_allocatable_and_conditions() {
    NodeState n = ClusterModelReader.read(objects(NODES)).node("gpu-1").orElseThrow();
    assertThat(n.labels()).containsEntry("rack", "r1");
    assertThat(n.taints()).containsExactly(Taint.of("nvidia.com/gpu", "present", TaintEffect.NoSchedule));
    assertThat(n.unschedulable()).isTrue();
    assertThat(n.allocatable()).isEqualTo(ResourceList.of("cpu", "64", "nvidia.com/gpu", "8", "pods", "110"));
    assertThat(n.conditions()).containsEntry("Ready", "False").containsEntry("MemoryPressure", "False");
    assertThat(n.ready()).isFalse();
  }

  @Test
  void a_node_without_allocatable_offers_its_capacity() {
    assertThat(ClusterModelReader.read(objects(NODES)).node("gpu-2").orElseThrow().allocatable()).isEqualTo(ResourceList.of("cpu", "32"));
  }

  @Test
  void only_pods_bound_and_not_terminated_occupy_a_node() {
    Cluster c = ClusterModelReader.read(objects(String.join("---\n", NODES, pod("running", "gpu-1", "Running"),
        pod("done", "gpu-1", "Succeeded"), pod("failed", "gpu-1", "Failed"), pod("pending", null, null))));
    assertThat(c.pods()).extracting(BoundPod::name).containsExactly("running");
    assertThat(c.pods().get(0).namespace()).isEqualTo("ml");
    assertThat(c.used("gpu-1")).isEqualTo(ResourceList.of("cpu", "2", "nvidia.com/gpu", "1", "pods", "1"));
  }

  @Test
  void every_problem_is_named_by_file_document_and_field() {
    String bad = NODES.replace("effect: NoSchedule", "effect: Sometimes") + "---\n" + pod("p", "gpu-1", null).replace("cpu: \"2\"", "cpu: lots");
    assertThatThrownBy(() -> ClusterModelReader.read(objects(bad)))
        .isInstanceOf(ManifestReadException.class)
        .satisfies(e -> assertThat(((ManifestReadException) e).errors()).extracting(InputError::field)
            .containsExactly("spec.taints[0].effect", "spec.containers[0].resources.requests[cpu]"));
  }

  @Test
  void a_snapshot_reads_as_the_same_cluster_as_its_objects() {
    List<SourcedObject> read = objects(NODES + "---\n" + pod("running", "gpu-1", "Running"));
    List<Node> nodes = read.stream().map(SourcedObject::object).filter(Node.class::isInstance).map(Node.class::cast).toList();
    List<Pod> pods = read.stream().map(SourcedObject::object).filter(Pod.class::isInstance).map(Pod.class::cast).toList();
    ClusterSnapshot snapshot = new ClusterSnapshot(nodes, pods, List.of(), List.of(), List.of());
    assertThat(ClusterModelReader.read(snapshot)).isEqualTo(ClusterModelReader.read(read));
  }

  record Seen(List<String> kinds) implements ClusterPart {}

  @Test
  void a_part_reader_gets_only_the_objects_it_reads_and_its_part_is_in_the_cluster() {
    ClusterPartReader configMaps = new ClusterPartReader() {
      @Override
      public boolean reads(HasMetadata object) {
        return object.getKind().equals("ConfigMap");
      }

      @Override
      public ClusterPart read(List<SourcedObject> objects, List<InputError> errors) {
        return new Seen(new ArrayList<>(objects.stream().map(o -> o.object().getMetadata().getName()).toList()));
      }
    };
    Cluster c = ClusterModelReader.read(objects(NODES + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n"), configMaps);
    assertThat(c.part(Seen.class)).contains(new Seen(List.of("settings")));
  }
}
