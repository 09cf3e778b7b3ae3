package dev.aiinfra.scheduling.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiinfra.core.golden.Golden;
import dev.aiinfra.core.model.Diagnostic;
import dev.aiinfra.core.model.profile.ClusterProfile;
import dev.aiinfra.core.model.profile.KubernetesVersion;
import dev.aiinfra.core.render.ManifestBundle;
import dev.aiinfra.core.shared.SharedData;
import dev.aiinfra.scheduling.model.GangTarget;
import dev.aiinfra.scheduling.model.TopologyRequest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GangRendererTest {
  private static final ClusterProfile V135 = ClusterProfile.of(KubernetesVersion.V1_35);
  private static final ClusterProfile V136 = ClusterProfile.defaults();
  private static final ClusterProfile V137 = ClusterProfile.of(KubernetesVersion.V1_37);

  private static String yaml(RenderedGang g) {
    return ManifestBundle.of(g.objects()).toYaml();
  }

  @Test
  void native_on_1_35_is_a_v1alpha1_workload_and_pods_get_a_workload_ref() {
    RenderedGang g = GangRenderer.render(Specs.gang().withPodGroups(Specs.gang().podGroups().get(0).withTopology(java.util.Optional.empty())), GangTarget.NATIVE, V135);
    Golden.assertMatches("gang-native-1.35.yaml", yaml(g));
    assertThat(g.wiring("workers").specFields()).containsKey("workloadRef");
  }

  @Test
  void native_on_1_36_is_a_v1alpha2_workload_with_one_pod_group_per_template() {
    RenderedGang g = GangRenderer.render(Specs.gang(), GangTarget.NATIVE, V136);
    Golden.assertMatches("gang-native-1.36.yaml", yaml(g));
    assertThat(g.objects()).extracting(HasMetadata::getKind).containsExactly("Workload", "PodGroup");
    assertThat(g.wiring("workers").specFields().get("schedulingGroup").toString()).isEqualTo("{\"podGroupName\":\"llama-train-workers\"}");
  }

  @Test
  void native_on_1_37_uses_the_provisional_v1beta1_shape() {
    Golden.assertMatches("gang-native-1.37.yaml", yaml(GangRenderer.render(Specs.gangWithPreemption(), GangTarget.NATIVE, V137)));
  }

  @Test
  void gates_that_are_off_are_named_as_warnings() {
    RenderedGang g = GangRenderer.render(Specs.gangWithPreemption(), GangTarget.NATIVE, V136);
    assertThat(g.diagnostics()).extracting(Diagnostic::path)
        .contains("GenericWorkload", "GangScheduling", "TopologyAwareWorkloadScheduling", "DRAWorkloadResourceClaims", "WorkloadAwarePreemption");
    RenderedGang on = GangRenderer.render(Specs.gangWithPreemption(), GangTarget.NATIVE,
        V136.withFeatureGates("GenericWorkload=true,GangScheduling=true,TopologyAwareWorkloadScheduling=true,DRAWorkloadResourceClaims=true,WorkloadAwarePreemption=true"));
    assertThat(on.diagnostics()).isEmpty();
  }

  @Test
  void settings_1_35_cannot_express_are_errors() {
    RenderedGang g = GangRenderer.render(Specs.gang(), GangTarget.NATIVE, V135);
    assertThat(g.diagnostics()).filteredOn(Diagnostic::isError).extracting(Diagnostic::code).containsExactly("GANG_FIELD_UNSUPPORTED");
  }

  @Test
  void kubernetes_1_34_has_no_workload_api() {
    assertThat(GangRenderer.render(Specs.gang(), GangTarget.NATIVE, ClusterProfile.of(KubernetesVersion.V1_34)).diagnostics())
        .extracting(Diagnostic::code).containsExactly("GANG_API_UNAVAILABLE");
  }

  @Test
  void volcano_gets_a_pod_group_and_the_group_name_annotation() {
    RenderedGang g = GangRenderer.render(Specs.gang(), GangTarget.VOLCANO, V136);
    Golden.assertMatches("gang-volcano.yaml", yaml(g));
    assertThat(g.wiring("workers").annotations()).containsEntry("scheduling.k8s.io/group-name", "llama-train-workers");
    assertThat(g.wiring("workers").schedulerName()).contains("volcano");
  }

  @Test
  void coscheduling_gets_a_pod_group_and_the_pod_group_label() {
    RenderedGang g = GangRenderer.render(Specs.gang().withPodGroups(Specs.gang().podGroups().get(0).withTopology(java.util.Optional.empty())), GangTarget.COSCHEDULING, V136);
    Golden.assertMatches("gang-coscheduling.yaml", yaml(g));
    assertThat(g.wiring("workers").labels()).containsEntry("scheduling.x-k8s.io/pod-group", "llama-train-workers");
  }

  @Test
  void kueue_gets_labels_and_tas_annotations_and_no_objects() {
    RenderedGang g = GangRenderer.render(Specs.gang().withPodGroups(Specs.gang().podGroups().get(0).withMinCount(256)), GangTarget.KUEUE, V136, Map.of("workers", 256));
    assertThat(g.objects()).isEmpty();
    assertThat(g.wiring("workers").labels()).containsEntry("kueue.x-k8s.io/queue-name", "gpu-queue");
    assertThat(g.wiring("workers").annotations())
        .containsEntry("kueue.x-k8s.io/podset-required-topology", Specs.RACK)
        .containsEntry("kueue.x-k8s.io/pod-group-total-count", "256");
  }

  @Test
  void a_kueue_min_count_equal_to_a_large_pod_count_is_no_mismatch() {
    RenderedGang g = GangRenderer.render(Specs.gang().withPodGroups(Specs.gang().podGroups().get(0).withMinCount(256)), GangTarget.KUEUE, V136, Map.of("workers", 256));
    assertThat(g.diagnostics()).extracting(Diagnostic::code).doesNotContain("GANG_MIN_COUNT_MISMATCH");
  }

  @Test
  void an_error_names_the_gang_field_it_concerns() {
    RenderedGang g = GangRenderer.render(Specs.gang().withPodGroups(Specs.gang().podGroups().get(0).withTopology(TopologyRequest.preferred(Specs.RACK))),
        GangTarget.NATIVE, V136);
    assertThat(g.diagnostics()).filteredOn(Diagnostic::isError).extracting(Diagnostic::path).containsExactly("podGroups[workers].topology");
  }

  @Test
  void extra_fields_reach_every_gang_object() {
    RenderedGang g = GangRenderer.render(Specs.gang().withExtraFields(Map.of("metadata", Map.of("labels", Map.of("team", "ml")))), GangTarget.NATIVE, V136);
    assertThat(g.objects()).allSatisfy(o -> assertThat(o.getMetadata().getLabels()).containsEntry("team", "ml"));
  }

  @Test
  void volcano_and_coscheduling_pod_groups_match_their_crd_schemas() {
    var crds = SharedData.crds();
    for (GangTarget t : new GangTarget[] {GangTarget.VOLCANO, GangTarget.COSCHEDULING}) {
      for (HasMetadata o : GangRenderer.render(Specs.gang(), t, V136).objects()) {
        assertThat(crds.validate(o)).as("%s %s", t, o.getKind()).isEmpty();
      }
    }
  }
}
