package dev.aiinfra.scheduling.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.model.FieldViolation;
import dev.aiinfra.core.read.ManifestReader;
import dev.aiinfra.core.render.validation.ObjectValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulingRulesTest {
  private static List<String> violations(String yaml) {
    var object = ManifestReader.withDefaults().readString("in.yaml", yaml).get(0).object();
    return ObjectValidator.of(SchedulingRules.all()).validate(object).violations().stream().map(FieldViolation::toString).toList();
  }

  @Test
  void a_kueue_topology_without_levels_is_invalid_as_gang_place_finds_it() {
    assertThat(violations("apiVersion: kueue.x-k8s.io/v1beta2\nkind: Topology\nmetadata: {name: t}\nspec: {}\n"))
        .containsExactly("spec.levels: Invalid value: \"0\": must have 1 to 16 levels");
  }

  @Test
  void a_node_whose_allocatable_the_scheduler_cannot_count_is_invalid() {
    assertThat(violations("apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus:\n  allocatable: {memory: '100000000000000000000'}\n"))
        .singleElement().asString().startsWith("status.allocatable[memory]: Invalid value: \"100E\"");
  }

  @Test
  void a_pod_in_a_pod_group_that_is_not_in_the_file_is_left_to_gang_place() {
    assertThat(violations("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ml}\nspec:\n"
        + "  schedulingGroup: {podGroupName: g}\n  containers: [{name: c, image: i}]\n")).isEmpty();
  }

  @Test
  void objects_gang_place_does_not_read_have_no_scheduling_violations() {
    assertThat(violations("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n")).isEmpty();
  }

  @Test
  void a_node_on_its_own_is_valid_though_gang_place_wants_a_workload_next_to_it() {
    assertThat(violations("apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus:\n  allocatable: {cpu: '8', pods: '110'}\n")).isEmpty();
  }

  @Test
  void a_cluster_queue_kueues_webhook_would_refuse_is_invalid() {
    assertThat(violations("apiVersion: kueue.x-k8s.io/v1beta2\nkind: ClusterQueue\nmetadata: {name: gpu}\nspec:\n"
        + "  resourceGroups:\n  - coveredResources: [nvidia.com/gpu]\n    flavors:\n"
        + "    - name: h100\n      resources: [{name: nvidia.com/gpu, nominalQuota: 8, lendingLimit: 4}]\n"))
        .containsExactly("spec.resourceGroups[0].flavors[0].resources[0].lendingLimit: Invalid value: \"4\": must be nil when cohort is empty");
  }
}
