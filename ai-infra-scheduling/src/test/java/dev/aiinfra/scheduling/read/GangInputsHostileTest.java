package dev.aiinfra.scheduling.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiinfra.core.read.InputError;
import dev.aiinfra.core.read.ManifestReadException;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.scheduling.model.PodSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Input that used to crash {@code gang place} is refused at its own object and field (issue 14, classes 3–5). */
class GangInputsHostileTest {
  private static final String NODE = "apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus:\n  allocatable: {cpu: '64', memory: 512Gi, pods: '110'}\n";

  private static GangInputs read(String yaml) {
    return GangInputs.read(ManifestReader.withDefaults().readString("in.yaml", yaml), List.of());
  }

  private static List<String> errors(String yaml) {
    try {
      read(yaml);
      return List.of();
    } catch (ManifestReadException e) {
      return e.errors().stream().map(InputError::toString).toList();
    }
  }

  @Test
  void a_pod_template_field_of_the_wrong_type_is_refused_at_its_full_path_without_java_names() {
    assertThat(errors(NODE + "---\napiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nmetadata: {name: l}\nspec:\n"
        + "  leaderWorkerTemplate:\n    size: 2\n    workerTemplate:\n      spec:\n        containers: [{name: w, image: i, args: [{a: b}]}]\n"))
        .singleElement().asString()
        .isEqualTo("in.yaml: document 1: spec.leaderWorkerTemplate.workerTemplate.spec.containers[0].args[0]: Invalid value: must be a string");
  }

  @Test
  void a_node_label_without_a_value_is_the_empty_string_as_the_api_server_decodes_it() {
    GangInputs in = read("apiVersion: v1\nkind: Node\nmetadata: {name: n, labels: {zone: }}\nstatus:\n  allocatable: {cpu: '8', pods: '110'}\n"
        + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: i}]\n");
    assertThat(in.cluster().nodes().get(0).labels()).containsEntry("zone", "");
  }

  @Test
  void a_taint_with_an_unknown_effect_is_refused_at_its_field() {
    assertThat(errors("apiVersion: v1\nkind: Node\nmetadata: {name: n}\nspec:\n  taints: [{key: k, effect: Sometimes}]\n"
        + "status:\n  allocatable: {cpu: '8', pods: '110'}\n"))
        .singleElement().asString().startsWith("in.yaml: document 0: spec.taints[0].effect: Unsupported value: \"Sometimes\"");
  }

  @Test
  void the_same_node_twice_is_refused_naming_both_documents() {
    assertThat(errors(NODE + "---\n" + NODE)).singleElement().asString()
        .isEqualTo("in.yaml: document 1: metadata.name: Duplicate value: \"Node n\": the same object is in.yaml: document 0; each object may appear once");
  }

  @Test
  void a_node_allocatable_past_int64_is_refused_at_its_field() {
    assertThat(errors("apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus:\n  allocatable: {memory: '100000000000000000000'}\n"))
        .singleElement().asString()
        .startsWith("in.yaml: document 0: status.allocatable[memory]: Invalid value: \"100E\": kube-scheduler counts memory as a 64-bit integer");
  }

  @Test
  void a_pending_pod_request_past_int64_is_refused_at_its_field() {
    assertThat(errors(NODE + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
        + "  - {name: c, image: x, resources: {requests: {memory: 9223372036854775807k}}}\n"))
        .singleElement().asString().startsWith("in.yaml: document 1: spec.containers[0].resources.requests[memory]: Invalid value");
  }

  @Test
  void a_bound_pod_with_a_null_container_reads_it_as_an_empty_one_as_the_api_server_decodes_it() {
    assertThat(errors(NODE + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  nodeName: n\n  containers: [null]\n"
        + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec:\n  containers: [{name: c, image: x}]\n")).isEmpty();
  }

  @Test
  void a_templated_pod_with_a_null_container_expands_with_an_empty_one() {
    assertThat(read(NODE + "---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n"
        + "      restartPolicy: Never\n      containers: [null]\n").gangs()).hasSize(1);
  }

  @Test
  void a_null_quantity_is_zero_and_1e_is_one_exa() {
    GangInputs in = read(NODE + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n"
        + "  - {name: c, image: x, resources: {requests: {memory: , ephemeral-storage: 1E}}}\n");
    PodSet ps = in.gangs().get(0).podSets().get(0);
    assertThat(ps.requests().get("memory").isZero()).isTrue();
    assertThat(ps.requests().get("ephemeral-storage").longValue()).isEqualTo(1_000_000_000_000_000_000L);
  }

  @Test
  void a_crd_pod_template_with_an_integer_probe_port_expands() {
    GangInputs in = read(NODE + "---\napiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nmetadata: {name: js}\nspec:\n  replicatedJobs:\n"
        + "  - name: w\n    replicas: 1\n    template:\n      spec:\n        parallelism: 2\n        completions: 2\n        template:\n          spec:\n"
        + "            restartPolicy: Never\n            containers:\n            - name: c\n              image: x\n"
        + "              livenessProbe: {httpGet: {port: 8080}}\n");
    assertThat(in.gangs()).singleElement().satisfies(g -> assertThat(g.podSets().get(0).count()).isEqualTo(2));
  }

  @Test
  void every_unreadable_object_is_reported_not_just_the_first() {
    assertThatThrownBy(() -> read("apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus:\n  allocatable: {cpu: abc}\n"
        + "---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x, resources: {requests: {cpu: abc}}}]\n"))
        .isInstanceOf(ManifestReadException.class)
        .satisfies(e -> assertThat(((ManifestReadException) e).errors()).extracting(InputError::field)
            .containsExactly("status.allocatable[cpu]", "spec.containers[0].resources.requests[cpu]"));
  }
}
